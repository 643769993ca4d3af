package dev.regdoc.conversation.store;

/** Someone saved the case after it was read; reload it and apply the change again. */
public final class StaleCaseException extends RuntimeException {
  public StaleCaseException(long caseId, long expectedVersion) {
    super("case " + caseId + " changed since version " + expectedVersion);
  }
}
