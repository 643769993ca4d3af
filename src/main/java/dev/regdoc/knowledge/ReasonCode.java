package dev.regdoc.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * A {@code Reason=} code of the EndPointUnregistered / DeviceUnregistered alarms.
 *
 * @param alarmName name in the CUCM alarm catalog, or null when the catalog does not use this code
 * @param mibName name in CISCO-CCM-MIB CcmDevUnregCauseCode, or null when the MIB does not define
 *     it
 * @param protocol {@code any}, {@code sip} or {@code sccp}
 * @param note caveat about the source, or null
 * @param findings finding codes this reason points towards
 */
public record ReasonCode(
    int code,
    String alarmName,
    String mibName,
    Nature nature,
    String protocol,
    Text meaning,
    Text check,
    Text note,
    List<String> findings) {

  /** Whether the code normally needs investigating. */
  public enum Nature {
    /**
     * Administrative or expected: resets, apply config, Extension Mobility, power save, fallback.
     */
    BENIGN,
    /** Something went wrong. */
    FAULT,
    /** Benign or a fault depending on what else happened at that time. */
    CONTEXT,
    /** Should not appear in a real alarm. */
    UNEXPECTED
  }

  public ReasonCode {
    findings = List.copyOf(findings);
  }

  public boolean benign() {
    return nature == Nature.BENIGN;
  }

  /** The alarm-catalog name, else the MIB name, else {@code "code <n>"}. */
  public String displayName() {
    if (alarmName != null) {
      return alarmName;
    }
    return mibName != null ? mibName : "code " + code;
  }

  public Optional<Text> noteText() {
    return Optional.ofNullable(note);
  }
}
