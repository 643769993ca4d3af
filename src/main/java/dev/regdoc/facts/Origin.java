package dev.regdoc.facts;

import java.time.Instant;

/**
 * Where a fact was read: the file as the user named it, the capture frame number (1-based, as
 * Wireshark numbers it; 0 when the file is text) or the text line number (1-based; 0 for captures),
 * and the time.
 */
public record Origin(String file, long frame, long line, Instant time) {

  public static Origin frame(String file, long frame, Instant time) {
    return new Origin(file, frame, 0, time);
  }

  public static Origin line(String file, long line, Instant time) {
    return new Origin(file, 0, line, time);
  }

  /** "phone.pcap#484" or "CiscoSyslog:12", the form used in replies. */
  public String cite() {
    return frame > 0 ? file + "#" + frame : file + ":" + line;
  }
}
