package dev.regdoc.analysis;

/** The fault codes the look-alike tests set against each other, as the rules name them. */
final class FaultCodes {
  static final String PSA = "port-security-aging";
  static final String FW = "idle-connection-teardown";
  static final String HUNG = "cucm-not-responding";
  static final String LOST = "keepalive-lost-in-network";
  static final String LATE = "phone-refresh-late";
  static final String DUPLEX = "duplex-mismatch";
  static final String RESTARTED = "cucm-service-restarted";

  private FaultCodes() {}
}
