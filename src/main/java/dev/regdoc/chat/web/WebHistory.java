package dev.regdoc.chat.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regdoc.conversation.store.ConversationTurns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The turns a page shows again when it is loaded: in the case store when the engine keeps them
 * there, so that every instance on the store shows one conversation the same way, each turn once
 * and in the order it was recorded; else in the session's memory. A queued analysis's two turns
 * carry its job, and whichever instance sees the answer first records it.
 */
final class WebHistory {
  private final Optional<ConversationTurns> store;
  private final ObjectMapper mapper;
  private final int maxTurns;
  private final Clock clock;

  WebHistory(Optional<ConversationTurns> store, ObjectMapper mapper, int maxTurns, Clock clock) {
    this.store = store;
    this.mapper = mapper;
    this.maxTurns = maxTurns;
    this.clock = clock;
  }

  /** A turn of the session's own: the user's, or regdoc's reply. */
  void said(WebSession session, JsonNode turn) {
    session.markSaid();
    if (store.isEmpty()) {
      session.remember(turn);
      return;
    }
    append(session.conversation(), null, turn);
  }

  /** The user's turn of a queued analysis, as it is queued. */
  void queued(WebSession session, long job, JsonNode userTurn) {
    session.markSaid();
    store.ifPresent(s -> append(session.conversation(), job, userTurn));
  }

  /**
   * A queued analysis's answer as its job keeps it ({@code user} and {@code reply}), seen by this
   * instance; recorded once however often and wherever it is seen. {@code session} is null when
   * this instance does not serve the page.
   */
  void answered(String conversation, WebSession session, long job, JsonNode stored) {
    JsonNode reply =
        mapper.createObjectNode().put("from", "regdoc").set("reply", stored.path("reply"));
    if (store.isEmpty()) {
      if (session != null && session.firstSightOfJob(job)) {
        session.remember(stored.path("user"));
        session.remember(reply);
      }
      return;
    }
    // the user's turn was recorded when it was queued, unless its instance died right then
    append(conversation, job, stored.path("user"));
    append(conversation, job, reply);
  }

  /** The turns to show, oldest first, bounded in count and in characters. */
  List<JsonNode> turns(WebSession session) {
    if (store.isEmpty()) {
      return session.history();
    }
    List<JsonNode> out = new ArrayList<>();
    for (ConversationTurns.Said s :
        store.get().recent(session.conversation(), maxTurns, WebSession.HISTORY_BYTES)) {
      try {
        out.add(mapper.readTree(s.json()));
      } catch (IOException e) {
        throw new UncheckedIOException("a stored turn is not JSON", e);
      }
    }
    return out;
  }

  private void append(String conversation, Long job, JsonNode turn) {
    JsonNode slim = turn.deepCopy();
    boolean slimmer = WebSession.withoutDataUris(slim);
    store
        .get()
        .append(
            conversation,
            job,
            "regdoc".equals(turn.path("from").asText()),
            turn.toString(),
            slimmer ? slim.toString() : null,
            clock.instant());
  }
}
