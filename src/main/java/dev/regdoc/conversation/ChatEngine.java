package dev.regdoc.conversation;

import dev.regdoc.conversation.store.ConversationTurns;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The conversation, independent of any chat platform. Thread-safe: adapters call it from many
 * threads at once (one per conversation is enough; turns of the same case are serialised inside).
 */
public interface ChatEngine {

  /** Handles one user turn and returns the reply; never throws for anything a user sent. */
  Reply handle(Incoming incoming, ProgressSink progress);

  /**
   * Whether the conversation works on a case. The binding is kept in the case store, so the answer
   * holds after a restart (adapters use it to tell which threads belong to regdoc).
   */
  boolean hasCase(String conversation);

  /**
   * The code that joins the conversation's case from a remote front end
   * ("&lt;id&gt;-&lt;token&gt;"), shown to the people already in it; empty when the conversation
   * has no case.
   */
  default Optional<String> joinCode(String conversation) {
    return Optional.empty();
  }

  /**
   * Records that the chat event {@code key} is being handled; true only the first time among every
   * instance sharing the case store (a retry the platform sends to another instance is dropped
   * there). Without a shared store, every key is new here: the adapter remembers its own.
   */
  default boolean firstDelivery(String key) {
    return true;
  }

  /**
   * {@link #firstDelivery(String)} for a queued turn that another instance may run again after the
   * first died: true also when the same turn, {@code by} (its event key), took {@code key} before,
   * so that the run taken over makes the same choice as the first.
   */
  default boolean firstDelivery(String key, String by) {
    return firstDelivery(key);
  }

  /**
   * Queues a turn with uploads for whichever instance on the shared store has a free analysis slot
   * (its files kept in the store first); the instance that takes it runs it through the front end's
   * {@link #serveQueued} handler. False when there is no shared queue: the caller handles the turn
   * itself.
   *
   * @param replyTo what the front end needs to answer (channel, thread), returned to its handler
   * @return the job's id; empty when there is no shared queue
   */
  default OptionalLong enqueue(Incoming in, String frontEnd, String replyTo) {
    return OptionalLong.empty();
  }

  /** Whether turns can be queued for any instance on a shared store ({@link #enqueue}). */
  default boolean sharesQueue() {
    return false;
  }

  /**
   * Queues the turn of chat event {@code eventKey} once among all instances: empty when that event
   * is queued already (the platform's retry), or when there is no shared queue. The queued record
   * is what lets a front end acknowledge the event only once nothing is lost by a crash.
   */
  default OptionalLong enqueueOnce(Incoming in, String frontEnd, String replyTo, String eventKey) {
    return OptionalLong.empty();
  }

  /**
   * A queued turn's state and the answer its handler kept with it (see {@link
   * QueuedTurns.Lease#answer}).
   *
   * @param state queued, running, done or failed
   * @param json the answer, or null while there is none
   */
  record QueuedAnswer(long job, String state, String json) {}

  /** The state and answer of job {@code job}; empty without a shared queue or such a job. */
  default Optional<QueuedAnswer> queuedAnswer(long job) {
    return Optional.empty();
  }

  /** The conversation's queued turns in order, with their answers (empty without a queue). */
  default List<QueuedAnswer> queuedAnswers(String conversation) {
    return List.of();
  }

  /**
   * The chat pages' conversations as shown, kept in the case store so that every instance shows the
   * same history; empty without a store.
   */
  default Optional<ConversationTurns> conversationTurns() {
    return Optional.empty();
  }

  /** Runs queued turns of {@code frontEnd} in this instance (no-op without a shared queue). */
  default void serveQueued(String frontEnd, QueuedTurns handler) {}

  /**
   * As {@link #serveQueued}, for queued turns that analyse no files (a message, a button, a
   * command): they run on workers of their own, so they never wait for the analysis slots, and each
   * conversation's queued turns still run one at a time in the order they were queued.
   */
  default void serveQueuedTurns(String frontEnd, QueuedTurns handler) {}

  /**
   * The language ("en", "ja") regdoc answers this turn in, as {@link #handle} would choose it: the
   * user's choice, the language of the text, the user's platform language (the one given, else the
   * last one the platform told for this user, kept in the case store), the case's. Front ends say
   * their own words around the answer in it.
   */
  default String language(Incoming incoming) {
    return "en";
  }

  /**
   * One of the chat's own phrases (knowledge-base/chat.yaml, team-chat.yaml...) in {@code lang}
   * (English when it is neither "en" nor "ja"), its {name} placeholders filled from {@code values}
   * (name, value, name, value...). An engine without the knowledge base gives the key itself.
   */
  default String phrase(String key, String lang, Object... values) {
    return key;
  }

  /**
   * The largest upload accepted, in bytes; adapters refuse bigger files before downloading them.
   */
  long maxUploadBytes();

  /**
   * A file a lesson ships with ({@link Block.LessonFiles}), for a front end to hand to the learner;
   * empty for any name that is not one of the lesson's files (see {@link LessonLibrary}).
   */
  default Optional<Path> lessonFile(String lesson, String file) {
    return Optional.empty();
  }

  /** Where a lesson's files are on the machine regdoc runs on (the terminal names them so). */
  default Optional<Path> lessonFolder(String lesson) {
    return Optional.empty();
  }

  /**
   * What a front end shows before the user has said anything, in the language of {@code langHint}
   * (a platform's language setting, or null): what regdoc does, the ways to start, an example.
   */
  default Reply greeting(String langHint) {
    return new Reply("en", 0, List.of());
  }

  /**
   * The words of a page's own chrome (title, placeholder, buttons, section labels) in {@code lang},
   * by key; a value may hold "{n}" for the page to fill.
   */
  default Map<String, String> pageWords(String lang) {
    return Map.of();
  }
}
