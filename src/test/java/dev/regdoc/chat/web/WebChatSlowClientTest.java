package dev.regdoc.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that open connections and send nothing, or half a request, must not keep anyone else from
 * the chat.
 */
class WebChatSlowClientTest {
  private static final int SLOW_CLIENTS = 50;
  private final List<Socket> sockets = new ArrayList<>();
  private WebChatServer server;

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void fiftyHalfSentHeadersDoNotKeepThePageFromLoadingAndAreCutOff() throws Exception {
    // A short header deadline, so the test does not wait long for the cut-off; the idle timeout
    // stays long.
    server =
        WebChatServer.start(
            WebChatSettings.defaults()
                .withPort(0)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(60)),
            new EchoEngine());
    for (int i = 0; i < SLOW_CLIENTS; i++) {
      sockets.add(halfARequest());
    }

    WebChatClient c = new WebChatClient(server.uri());
    WebChatClient.Response page = c.get("");
    WebChatClient.Response answer = c.text("hello");

    assertThat(page.status()).isEqualTo(200);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("you said: hello");
    for (Socket s : sockets) {
      assertThat(closedByServer(s))
          .as("a connection that never finished its headers is closed")
          .isTrue();
    }
  }

  @Test
  void connectionsOverTheCapOfOneClientAreClosedAtOnceAndTheOthersStay() throws Exception {
    int cap = 8;
    server =
        WebChatServer.start(
            WebChatSettings.defaults().withPort(0).withConnectionsPerClient(cap), new EchoEngine());
    for (int i = 0; i < cap + 4; i++) {
      Socket s = new Socket("127.0.0.1", server.port());
      // Long enough to see an open connection stay open, short against the 15 s header deadline.
      s.setSoTimeout(2_000);
      sockets.add(s);
    }

    int closed = 0;
    int open = 0;
    for (Socket s : sockets) {
      try {
        if (closedByServer(s)) {
          closed++;
        }
      } catch (SocketTimeoutException stillOpen) {
        open++;
      }
    }
    assertThat(closed).isEqualTo(4);
    assertThat(open).isEqualTo(cap);
  }

  @Test
  void closedConnectionsGiveTheirPlaceBack() throws Exception {
    int cap = 4;
    server =
        WebChatServer.start(
            WebChatSettings.defaults().withPort(0).withConnectionsPerClient(cap), new EchoEngine());
    // From another loopback address than the server's own: its count must be kept by client, also
    // at the close.
    for (int i = 0; i < cap * 4; i++) {
      try (Socket s = new Socket()) {
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
        s.connect(new InetSocketAddress("127.0.0.1", server.port()));
        s.setSoTimeout(30_000);
        s.getOutputStream()
            .write(
                ("GET / HTTP/1.1\r\nHost: 127.0.0.1:"
                        + server.port()
                        + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        assertThat(RawHttp.readAll(s.getInputStream()))
            .as("connection %d", i)
            .startsWith("HTTP/1.1 200");
      }
    }
  }

  private Socket halfARequest() throws IOException {
    Socket s = new Socket("127.0.0.1", server.port());
    s.setSoTimeout(60_000);
    s.getOutputStream()
        .write(
            ("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nX-Slow: ")
                .getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  /**
   * Whether the server ends the connection (end of stream, or a reset) before the socket's read
   * timeout.
   */
  private static boolean closedByServer(Socket s) throws IOException {
    try {
      while (s.getInputStream().read() >= 0) {
        // whatever the server says before it closes (e.g. a 408) is fine
      }
      return true;
    } catch (SocketException reset) {
      return true;
    }
  }
}
