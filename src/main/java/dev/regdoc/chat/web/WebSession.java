package dev.regdoc.chat.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One browser session: its conversation id, the page token it must present, the rendered turns so
 * far (bounded) and the progress of its turn in flight.
 */
final class WebSession {
  private final String id;
  private final String token;
  private final int historyLimit;

  /**
   * Bytes of history kept per session: replies carry their pictures and files as data URIs of a few
   * hundred KB, so a turn limit alone lets a few sessions hold gigabytes. Past this, the oldest
   * turns lose their data URIs first (their text stays); a turn is dropped only when its text alone
   * no longer fits.
   */
  static final long HISTORY_BYTES = 2L << 20;

  /** A data URI shorter than this (an icon, a small text file) is kept with its turn. */
  private static final int SMALL_DATA_URI = 4096;

  private final Deque<JsonNode> history = new ArrayDeque<>();

  /** The queued turns whose answers are in {@link #history} already (see firstSightOfJob). */
  private final Set<Long> jobsSeen = new HashSet<>();

  private long historyBytes;

  /** One turn at a time per session, so replies arrive in the order the user acted. */
  final ReentrantLock turnLock = new ReentrantLock();

  /** Whether the session said anything, wherever its history is kept (see WebHistory). */
  private volatile boolean said;

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

  /** True the first time a queued turn's answer is seen here: it joins the history once. */
  synchronized boolean firstSightOfJob(long job) {
    return jobsSeen.add(job);
  }

  synchronized boolean hasTurns() {
    return said || !history.isEmpty();
  }

  void markSaid() {
    said = true;
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

  /** Keeps a copy of {@code turn} (the reply itself may still be on its way to the page). */
  synchronized void remember(JsonNode turn) {
    turn = turn.deepCopy();
    history.addLast(turn);
    historyBytes += sizeOf(turn);
    while (history.size() > historyLimit) {
      historyBytes -= sizeOf(history.removeFirst());
    }
    for (JsonNode old : history) {
      if (historyBytes <= HISTORY_BYTES) {
        return;
      }
      long before = sizeOf(old);
      if (withoutDataUris(old)) {
        historyBytes -= before - sizeOf(old);
      }
    }
    while (historyBytes > HISTORY_BYTES && history.size() > 1) {
      historyBytes -= sizeOf(history.removeFirst());
    }
  }

  private static long sizeOf(JsonNode turn) {
    return turn.toString().length();
  }

  /**
   * Empties the large data URIs in {@code node} (marking each such object "kept": false); true when
   * any was.
   */
  static boolean withoutDataUris(JsonNode node) {
    boolean changed = false;
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
        JsonNode value = field.getValue();
        if (value.isTextual()
            && value.textValue().startsWith("data:")
            && value.textValue().length() > SMALL_DATA_URI) {
          object.put(field.getKey(), "");
          object.put("kept", false);
          changed = true;
        } else if (value.isContainerNode()) {
          changed |= withoutDataUris(value);
        }
      }
    } else if (node != null && node.isArray()) {
      for (JsonNode item : node) {
        changed |= withoutDataUris(item);
      }
    }
    return changed;
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
