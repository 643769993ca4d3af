package dev.regdoc.chat.web;

import dev.regdoc.common.ConfigValues;
import java.util.Map;

/**
 * Where the web chat listens and how much work it takes on at once.
 *
 * @param host the address to bind; 127.0.0.1 by default so the chat is not exposed by accident
 * @param port the TCP port; 0 picks a free one
 * @param turnThreads how many turns run at once (each may analyse a capture)
 * @param historyLimit how many rendered turns each session keeps in memory
 */
public record WebChatSettings(String host, int port, int turnThreads, int historyLimit) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;

  public WebChatSettings {
    if (host == null || host.isBlank()) {
      host = DEFAULT_HOST;
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("web.port must be 0-65535, not " + port);
    }
    if (turnThreads < 1) {
      throw new IllegalArgumentException("web.turn-threads must be at least 1, not " + turnThreads);
    }
    if (historyLimit < 1) {
      throw new IllegalArgumentException("web.history-limit must be at least 1, not " + historyLimit);
    }
  }

  public static WebChatSettings defaults() {
    return new WebChatSettings(DEFAULT_HOST, DEFAULT_PORT, 4, 200);
  }

  /** From flat config keys: web.host, web.port, web.turn-threads, web.history-limit. */
  public static WebChatSettings fromMap(Map<String, String> m) {
    WebChatSettings d = defaults();
    return new WebChatSettings(m.getOrDefault("web.host", d.host()),
        ConfigValues.wholeNumber(m, "web.port", d.port(), 0, 65535),
        ConfigValues.wholeNumber(m, "web.turn-threads", d.turnThreads(), 1, 1024),
        ConfigValues.wholeNumber(m, "web.history-limit", d.historyLimit(), 1, 1_000_000));
  }

  public WebChatSettings withPort(int newPort) {
    return new WebChatSettings(host, newPort, turnThreads, historyLimit);
  }
}
