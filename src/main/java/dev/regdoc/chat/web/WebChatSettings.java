package dev.regdoc.chat.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the web chat listens, how much work it takes on at once, and how long it waits for a
 * client.
 *
 * @param host the address to bind; 127.0.0.1 by default so the chat is not exposed by accident
 * @param port the TCP port; 0 picks a free one
 * @param turnThreads how many turns run at once (each may analyse a capture)
 * @param historyLimit how many rendered turns each session keeps in memory
 * @param hostNames further names the chat is reached by (the Host header), besides its address and
 *     localhost
 * @param headerTimeout how long a client may take to send a request's headers once it has begun
 * @param idleTimeout how long a connection may stay silent (also while a body is being read or an
 *     answer written)
 * @param connectionsPerClient how many connections one client address may hold open at once
 */
public record WebChatSettings(
    String host,
    int port,
    int turnThreads,
    int historyLimit,
    Set<String> hostNames,
    Duration headerTimeout,
    Duration idleTimeout,
    int connectionsPerClient) {
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
      throw new IllegalArgumentException(
          "web.history-limit must be at least 1, not " + historyLimit);
    }
    hostNames =
        hostNames.stream()
            .map(h -> h.strip().toLowerCase(Locale.ROOT))
            .filter(h -> !h.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    if (headerTimeout.isNegative()
        || headerTimeout.isZero()
        || idleTimeout.isNegative()
        || idleTimeout.isZero()) {
      throw new IllegalArgumentException(
          "web.header-timeout-seconds and web.idle-timeout-seconds must be positive");
    }
    if (connectionsPerClient < 1) {
      throw new IllegalArgumentException(
          "web.connections-per-client must be at least 1, not " + connectionsPerClient);
    }
  }

  public static WebChatSettings defaults() {
    return new WebChatSettings(
        DEFAULT_HOST,
        DEFAULT_PORT,
        4,
        200,
        Set.of(),
        Duration.ofSeconds(15),
        Duration.ofSeconds(60),
        64);
  }

  public WebChatSettings withPort(int newPort) {
    return new WebChatSettings(
        host,
        newPort,
        turnThreads,
        historyLimit,
        hostNames,
        headerTimeout,
        idleTimeout,
        connectionsPerClient);
  }

  public WebChatSettings withTimeouts(Duration header, Duration idle) {
    return new WebChatSettings(
        host, port, turnThreads, historyLimit, hostNames, header, idle, connectionsPerClient);
  }

  public WebChatSettings withConnectionsPerClient(int n) {
    return new WebChatSettings(
        host, port, turnThreads, historyLimit, hostNames, headerTimeout, idleTimeout, n);
  }
}
