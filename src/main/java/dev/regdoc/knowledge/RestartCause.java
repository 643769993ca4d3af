package dev.regdoc.knowledge;

import java.util.List;

/**
 * The phone's own "last out of service" reason: the Restart Cause string, the {@code Last=} value
 * of the SIP Reason header and the ReasonForOutOfService (RFOOS) code, which shares the index where
 * both are known.
 *
 * @param rfoosName name in the CUCM alarm catalog, or null
 * @param inferred the meaning is read from the name only
 * @param disputed the firmware table and the alarm catalog disagree; {@link #readings()} holds both
 * @param formatString the phone string is a printf-style format, not a fixed reason
 */
public record RestartCause(
    int index,
    String phoneString,
    String rfoosName,
    boolean inferred,
    boolean disputed,
    boolean formatString,
    Text meaning,
    List<Reading> readings,
    List<String> findings) {

  /** One source's reading of a disputed index. */
  public record Reading(String source, Text meaning) {}

  public RestartCause {
    readings = List.copyOf(readings);
    findings = List.copyOf(findings);
  }
}
