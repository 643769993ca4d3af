package dev.regdoc.store;

/** The case database cannot be opened or reached; the message is meant for the operator. */
public final class CaseStoreUnavailableException extends RuntimeException {
  public CaseStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
