package dev.regdoc.knowledge;

import java.util.List;

/**
 * A registration-failure code (EndPointTransientConnection / DeviceTransientConnection), numbered
 * as the MIB type CcmDevRegFailCauseCode. That the alarm uses this numbering is an unverified
 * inference: see {@link KnowledgeBase#registrationFailureCaveat()}.
 */
public record RegistrationFailure(
    int code, String mibName, Text meaning, Text check, List<String> findings) {
  public RegistrationFailure {
    findings = List.copyOf(findings);
  }
}
