package dev.regdoc.conversation.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a conversation must not lose: cases, their checklist, uploaded files (by content
 * hash), findings, the messages, users' settings and learners' progress. Implementations are
 * thread-safe and durable: a record returned by a method is on disk (committed) before the method
 * returns.
 */
public interface CaseStore extends AutoCloseable {

  /** Opens a new case with the next free id, version 1. */
  CaseRecord newCase(String openedBy, Instant at);

  Optional<CaseRecord> findCase(long id);

  /**
   * Saves {@code c} if the stored version is still {@code c.version()}; returns it with version +
   * 1.
   *
   * @throws StaleCaseException when someone else saved the case in between (the caller reloads and
   *     retries)
   */
  CaseRecord save(CaseRecord c);

  /**
   * The case's join token: 16 random bytes, base64url, made with the case (or on first ask for an
   * older case) and never changed. Empty when there is no such case.
   */
  Optional<String> joinToken(long caseId);

  /** The most recently updated cases first. */
  List<CaseRecord> recentCases(int limit);

  /** The case a conversation works on now, if any. */
  Optional<Long> caseOfConversation(String conversation);

  /** Makes {@code caseId} the case of {@code conversation} (replacing any earlier one). */
  void bindConversation(String conversation, long caseId);

  /**
   * Keeps a copy of {@code content} under its SHA-256 (stored once however often it is uploaded)
   * and records that {@code name} was uploaded to the case; the copy is kept until {@code at} plus
   * the retention period.
   */
  StoredFile putFile(long caseId, String name, Path content, String uploadedBy, Instant at);

  /**
   * As {@link #putFile}, for a temp file of the caller's that was hashed as it was received ({@code
   * sha256}, lower-case hex): the store may take the file itself (move it in) instead of reading
   * and copying it, so {@code content} may be gone afterwards. A {@code sha256} that is no SHA-256
   * in hex is ignored and the file copied and hashed as by {@link #putFile}.
   */
  default StoredFile takeFile(
      long caseId, String name, Path content, String sha256, String uploadedBy, Instant at) {
    return putFile(caseId, name, content, uploadedBy, at);
  }

  /**
   * Keeps a copy of {@code content} under its SHA-256 without recording an upload (a queued
   * analysis's files, until the analysis records them); returns the hash.
   */
  String keepContent(Path content);

  /** The files of a case in upload order. */
  List<StoredFile> files(long caseId);

  /** Where the stored bytes of a file are, while it is retained. */
  Optional<Path> content(String sha256);

  /**
   * Deletes file copies past their retention; their records stay, marked expired. Returns how many
   * were deleted.
   */
  int purgeExpired(Instant now);

  /**
   * Records that the chat event {@code key} (prefixed with its platform: "slack:event:Ev1",
   * "discord:file:123") is being handled; true only for the first caller, among every process on
   * the store, so a retry that reaches another instance, or comes after a restart, is handled once.
   */
  boolean firstDelivery(String key, Instant at);

  /**
   * As {@link #firstDelivery(String, Instant)}, and true again for the same {@code by} (a queued
   * turn's event key): a turn another instance takes over after the first died makes the first's
   * choice again instead of finding its own key taken.
   */
  default boolean firstDelivery(String key, String by, Instant at) {
    return firstDelivery(key, at);
  }

  /**
   * The turn locks among the instances sharing this store ({@link TurnLocks#NONE} when none can);
   * the engine takes its own in-process lock first.
   */
  default TurnLocks turnLocks() {
    return TurnLocks.NONE;
  }

  /**
   * The analysis queue the instances sharing this store take jobs from; empty when none is shared.
   */
  default Optional<AnalysisJobs> jobs() {
    return Optional.empty();
  }

  /**
   * The chat pages' conversations as shown, turn by turn, shared by every instance on this store;
   * empty for a store that keeps none (the page then keeps its session's history in memory).
   */
  default Optional<ConversationTurns> conversationTurns() {
    return Optional.empty();
  }

  void appendMessage(ChatMessage m);

  /** The messages of a case, oldest first. */
  List<ChatMessage> messages(long caseId);

  Optional<UserProfile> user(String userId);

  void saveUser(UserProfile profile);

  /**
   * Counts, for each key point of {@code lesson} in {@code outcome}, one answer that made it (true)
   * or missed it (false).
   */
  void recordPoints(String userId, String lesson, Map<String, Boolean> outcome, Instant at);

  /** The learner's tallies, every lesson and point they have answered. */
  List<PointTally> pointTallies(String userId);

  /**
   * The users known by {@code name}: the user id itself, or an id whose last part (after the front
   * end's "kind:") is that name.
   */
  List<String> usersNamed(String name);

  @Override
  void close();
}
