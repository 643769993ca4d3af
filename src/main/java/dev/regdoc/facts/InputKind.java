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
  UNKNOWN;

  public boolean isCapture() {
    return this == PCAP || this == PCAPNG;
  }

  public boolean isArchive() {
    return this == GZIP || this == ZIP;
  }
}
