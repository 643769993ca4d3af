package dev.regdoc.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the store keeps what no case needs once it is over: the periodic purge deletes it in
 * batches of {@code batchRows}. Cases, their conversations, messages, steps, upload records and
 * users are never purged (the uploaded copies follow {@link StoreSettings#fileRetention()}).
 *
 * @param finishedJobs a finished analysis job (its stored answer and what it posted) is deleted
 *     this long after it finished; bytes kept for jobs and never recorded as an upload go once no
 *     job names them and they were kept this long ago
 * @param events a chat event id is forgotten this long after it was handled, at the earliest {@link
 *     #RETRY_WINDOW} (a platform's retry must still find it)
 * @param webHistory a chat page's turn is deleted this long after it was said; {@link
 *     Duration#ZERO}: kept as long as its conversation (never purged)
 * @param batchRows rows deleted by one statement, at most, so that no purge holds locks long
 */
public record RetentionSettings(
    Duration finishedJobs, Duration events, Duration webHistory, int batchRows) {

  public static final Duration DEFAULT_FINISHED_JOBS = Duration.ofDays(30);
  public static final Duration DEFAULT_EVENTS = Duration.ofDays(1);

  /** Slack retries an event for up to about an hour; an event id is kept at least this long. */
  public static final Duration RETRY_WINDOW = Duration.ofHours(2);

  public static final int DEFAULT_BATCH_ROWS = 1_000;

  public RetentionSettings {
    Objects.requireNonNull(finishedJobs, "finishedJobs");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(webHistory, "webHistory");
    if (finishedJobs.compareTo(Duration.ofHours(1)) < 0) {
      throw new IllegalArgumentException(
          "finished jobs are kept an hour at least: " + finishedJobs);
    }
    if (events.compareTo(RETRY_WINDOW) < 0) {
      throw new IllegalArgumentException(
          "event ids are kept " + RETRY_WINDOW.toHours() + " hours at least: " + events);
    }
    if (webHistory.isNegative()) {
      throw new IllegalArgumentException("web history retention must not be negative");
    }
    if (batchRows < 1) {
      throw new IllegalArgumentException("batch rows must be positive: " + batchRows);
    }
  }

  /** 30 days for finished jobs, a day for event ids, the web history as long as it lasts. */
  public static RetentionSettings defaults() {
    return new RetentionSettings(
        DEFAULT_FINISHED_JOBS, DEFAULT_EVENTS, Duration.ZERO, DEFAULT_BATCH_ROWS);
  }

  public RetentionSettings withBatchRows(int rows) {
    return new RetentionSettings(finishedJobs, events, webHistory, rows);
  }

  public RetentionSettings withWebHistory(Duration keep) {
    return new RetentionSettings(finishedJobs, events, keep, batchRows);
  }
}
