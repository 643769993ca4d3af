package dev.regdoc.diagnosis;

/** The rule folder could not be compiled; the message lists every error with file and line. */
public final class RuleBaseException extends RuntimeException {
  public RuleBaseException(String message) {
    super(message);
  }
}
