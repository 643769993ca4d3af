package dev.regdoc.common;

import java.time.Duration;

/**
 * Thrown by {@link WorkLimit#checkpoint()}: the work ran past its time limit, or someone cancelled
 * it.
 */
public final class WorkStopped extends RuntimeException {
  /** Why the work stopped. */
  public enum Why {
    TIMED_OUT,
    CANCELLED,
    /** The analysis holds as many facts as its budget allows (see IngestService). */
    TOO_MANY_FACTS
  }

  private final Why why;
  private final Duration limit;

  public WorkStopped(Why why, Duration limit) {
    this(
        why,
        limit,
        why == Why.TIMED_OUT
            ? "ran past its time limit of " + limit.toSeconds() + " s"
            : "was cancelled");
  }

  /** Stopped for {@code why} with its own message. */
  public WorkStopped(Why why, Duration limit, String message) {
    super(message, null, false, false);
    this.why = why;
    this.limit = limit;
  }

  public Why why() {
    return why;
  }

  public Duration limit() {
    return limit;
  }
}
