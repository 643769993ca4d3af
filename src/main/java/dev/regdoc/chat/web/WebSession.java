package dev.regdoc.chat.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One browser session: its conversation id, the page token it must present, the rendered turns so far (bounded) and
 * the progress of its turn in flight.
 */
final class WebSession {
  private final String id;
  private final String token;
  private final int historyLimit;
  private final Deque<JsonNode> history = new ArrayDeque<>();
  /** One turn at a time per session, so replies arrive in the order the user acted. */
  final ReentrantLock turnLock = new ReentrantLock();
  private volatile String userName = "guest";
  private volatile boolean running;
  private volatile String progressText = "";
  private volatile int progressPercent = -1;
  private volatile Instant usedAt = Instant.EPOCH;

  WebSession(String id, String token, int historyLimit) {
    this.id = id;
    this.token = token;
    this.historyLimit = historyLimit;
  }

  String id() {
    return id;
  }

  String token() {
    return token;
  }

  Instant usedAt() {
    return usedAt;
  }

  void usedAt(Instant at) {
    usedAt = at;
  }

  synchronized boolean hasTurns() {
    return !history.isEmpty();
  }

  String conversation() {
    return "web:" + id;
  }

  String user() {
    return "web:" + userName;
  }

  String userName() {
    return userName;
  }

  void rename(String name) {
    if (name != null && !name.isBlank()) {
      userName = name.strip().replaceAll("[^\\p{L}\\p{N}._-]", "_");
    }
  }

  synchronized void remember(JsonNode turn) {
    history.addLast(turn);
    while (history.size() > historyLimit) {
      history.removeFirst();
    }
  }

  synchronized List<JsonNode> history() {
    return new ArrayList<>(history);
  }

  void started() {
    progressText = "";
    progressPercent = -1;
    running = true;
  }

  void progress(String text, int percent) {
    progressText = text == null ? "" : text;
    progressPercent = percent;
  }

  void finished() {
    running = false;
  }

  boolean running() {
    return running;
  }

  String progressText() {
    return progressText;
  }

  int progressPercent() {
    return progressPercent;
  }
}
