package dev.regdoc.facts;

/** What a file is, judged by its content, never by its name. */
public enum InputKind {
  PCAP,
  PCAPNG,
  GZIP,
  ZIP,
  SYSLOG,
  IOS_CONFIG,
  ASA_CONFIG,
  /** A Cisco CallManager SDL or SDI trace file. */
  CCM_TRACE,
  EMPTY,
  /** Text that is neither a log nor a configuration (notes, a README): named, and skipped. */
  OTHER_TEXT,
  UNKNOWN;

  public boolean isCapture() {
    return this == PCAP || this == PCAPNG;
  }

  public boolean isArchive() {
    return this == GZIP || this == ZIP;
  }
}
