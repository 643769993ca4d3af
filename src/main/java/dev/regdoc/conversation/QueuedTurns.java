package dev.regdoc.conversation;

import java.util.Optional;

/**
 * A front end's part in queued analyses: it runs a queued turn (taken by this instance, possibly
 * queued by another) and posts the reply where {@code replyTo} says.
 */
@FunctionalInterface
public interface QueuedTurns {

  /**
   * @param in the turn, its uploads fetched from the shared store (do not delete them)
   * @param replyTo what the front end wrote when it queued the turn (channel, thread, ...)
   * @param lease ask it before posting: false when the job was taken over by another instance
   */
  void run(Incoming in, String replyTo, Lease lease) throws Exception;

  /** The job's lease as this instance holds it. */
  interface Lease {
    /**
     * The job's id, the same on every instance: as {@link ChatEngine#enqueue} gave it to the front
     * end that queued it, and the root of the idempotency keys a front end derives from it (Slack
     * tags what it posts with it).
     */
    long job();

    /** Renews the lease; false when another instance has the job now (then do not answer). */
    boolean stillMine();

    /** Whether the job was taken over from an instance that died. */
    boolean takenOver();

    /**
     * Keeps the answer with the job for a front end that shows it from the store on any instance
     * (the web chat); false when another instance has the job now.
     */
    boolean answer(String json);

    /** What this job posted as {@code item} before (by an instance that died since), if it did. */
    Optional<String> posted(String item);

    /** Records that this job posted {@code item} ({@code posted}: the message's id, or "yes"). */
    void recordPost(String item, String posted);
  }
}
