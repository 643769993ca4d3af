package dev.regdoc.conversation.store;

import java.time.Instant;
import java.util.List;

/**
 * A chat page's conversation as it was shown, turn by turn, in the order the turns were recorded:
 * what the user said or sent and regdoc's rendered reply, as the front end's own JSON. Kept in the
 * case store, so every instance on it shows the same history.
 */
public interface ConversationTurns {

  /**
   * One recorded turn.
   *
   * @param job the queued analysis the turn belongs to, or null
   * @param json the turn in full, or without its large data (see {@link #recent}) when it is old
   */
  record Said(long id, Long job, boolean fromBot, String json) {}

  /**
   * Appends a turn. A turn of a queued analysis ({@code job} not null) is kept once per side: a
   * second append of it, from any instance, changes nothing and answers false.
   *
   * @param slimJson the turn without its large data, or null when it has none
   */
  boolean append(
      String conversation, Long job, boolean fromBot, String json, String slimJson, Instant at);

  /**
   * The conversation's latest turns, at most {@code maxTurns}, oldest first, in at most {@code
   * maxChars} characters: the newest turns in full, older ones without their large data once the
   * budget needs it, and the oldest left out when even that does not fit (the newest turn is always
   * there).
   */
  List<Said> recent(String conversation, int maxTurns, long maxChars);
}
