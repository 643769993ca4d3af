package dev.regdoc.conversation.store;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns with uploads queued in the shared store for whichever instance has a free analysis slot. An
 * instance claims a job with a lease and renews it while it works; a job whose lease ran out (its
 * instance died) is claimed again by another. Only the lease holder may finish a job.
 */
public interface AnalysisJobs {

  /**
   * One queued turn.
   *
   * @param frontEnd the front end that asked and answers ("slack")
   * @param payloadJson what the front end needs to rebuild the turn and where to answer
   * @param attempts claims before this one (above 0: taken over from an instance that died)
   */
  record Job(long id, String conversation, String frontEnd, String payloadJson, int attempts) {}

  long enqueue(String conversation, String frontEnd, String payloadJson);

  /**
   * The oldest job for one of {@code frontEnds} that is queued or whose lease ran out, now leased
   * to {@code owner} for {@code lease}; no two instances claim the same job. Leases are kept by the
   * store's clock, so instances whose clocks disagree still agree on when one runs out.
   */
  Optional<Job> claim(Set<String> frontEnds, String owner, Duration lease);

  /** Extends the lease; false when the job is no longer {@code owner}'s (it was taken over). */
  boolean renew(long id, String owner, Duration lease);

  /** Marks the job done (or failed); false when it is no longer {@code owner}'s. */
  boolean finish(long id, String owner, boolean ok);

  /**
   * Gives a job back to the queue at once, its lease cleared and this claim not counted (the
   * instance is stopping normally, so the next claim is not a takeover); false when it is no longer
   * {@code owner}'s.
   */
  boolean release(long id, String owner);

  /** How many jobs are in each state (queued, running, done, failed). */
  Map<String, Long> countByState();
}
