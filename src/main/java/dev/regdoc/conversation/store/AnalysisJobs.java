package dev.regdoc.conversation.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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

  /**
   * The answer a job left in the store for its front end to show (see {@link #answer}).
   *
   * @param state queued, running, done or failed
   * @param json the answer, or null while there is none
   */
  record Answer(long id, String state, String json) {}

  long enqueue(String conversation, String frontEnd, String payloadJson);

  /**
   * Queues the job for a chat event, once: empty when a job for {@code eventKey} is queued already
   * (the platform's retry of an event one of the instances has taken).
   */
  OptionalLong enqueueOnce(
      String conversation, String frontEnd, String payloadJson, String eventKey);

  /**
   * The oldest job for one of {@code frontEnds} that is queued or whose lease ran out, and that no
   * earlier job of its conversation is still queued or running for (a conversation's turns run in
   * order), now leased to {@code owner} for {@code lease}; no two instances claim the same job.
   * Leases are kept by the store's clock, so instances whose clocks disagree still agree on when
   * one runs out.
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

  /**
   * Keeps the job's answer for a front end that reads it from the store (the web chat, whose
   * browser may be served by any instance); false when the job is no longer {@code owner}'s. A
   * takeover writes it again: there is one answer per job.
   */
  boolean answer(long id, String owner, String json);

  /** The job's state and answer; empty when there is no such job. */
  Optional<Answer> answerOf(long id);

  /** The conversation's jobs in the order they were queued, with their answers. */
  List<Answer> answersOf(String conversation);

  /**
   * What the job posted as {@code item} (a message's id, "yes"), recorded by {@link #recordPost};
   * empty when it has not posted it yet.
   */
  Optional<String> posted(long id, String item);

  /** Records that the job posted {@code item}; a second record of the same item is ignored. */
  void recordPost(long id, String item, String posted);

  /** How many jobs are in each state (queued, running, done, failed). */
  Map<String, Long> countByState();
}
