package dev.regdoc.knowledge;

import java.util.List;

/**
 * A SIP response a phone can receive to REGISTER, with what it means for registration
 * troubleshooting.
 */
public record SipStatus(
    int code, String phrase, Nature nature, Text meaning, Text check, List<String> findings) {

  /** How to read the response. */
  public enum Nature {
    /** Part of a successful registration. */
    NORMAL,
    /** An authentication challenge: normal when a successful REGISTER follows. */
    CHALLENGE,
    /** The registration failed. */
    FAILURE
  }

  public SipStatus {
    findings = List.copyOf(findings);
  }
}
