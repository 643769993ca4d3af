package dev.regdoc.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.conversation.Illustrator;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode end to end on 127.0.0.1: apps.connections.open hands out a WebSocket URL of a fake
 * Socket Mode server, which says hello and pushes an app_mention envelope; regdoc acks it and
 * answers in the thread.
 */
class SlackSocketModeTest {
  @TempDir Path dataDir;

  /** Slack's side of the socket: records what regdoc sends back. */
  static final class FakeSocketMode extends WebSocketServer {
    final List<String> received = new CopyOnWriteArrayList<>();
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch connected = new CountDownLatch(1);
    volatile WebSocket client;

    FakeSocketMode() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      client = conn;
      conn.send(
          "{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
              + "\"connection_info\":{\"app_id\":\"A1\"}}");
      connected.countDown();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      received.add(message);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }

  @Test
  void aMentionOverTheSocketIsAckedAndAnsweredInItsThread() throws Exception {
    FakeSocketMode socket = new FakeSocketMode();
    socket.start();
    assertThat(socket.started.await(10, TimeUnit.SECONDS)).isTrue();
    try (FakeSlack slack = new FakeSlack();
        BotRuntime runtime =
            BotRuntime.start(
                BotConfig.of(Map.of("data.dir", dataDir.toString())),
                Path.of("knowledge-base"),
                Path.of("rules"),
                Illustrator.NONE,
                Clock.systemUTC())) {
      slack.socketModeUrl("ws://127.0.0.1:" + socket.getPort() + "/link");
      SlackAdapter.Running adapter =
          SlackAdapter.start(
              SlackSettings.defaults().withApiBaseUrl(slack.apiBase()),
              runtime.engine(),
              Map.of(
                  "SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN, "SLACK_APP_TOKEN", FakeSlack.APP_TOKEN));
      try {
        assertThat(adapter.port()).isEqualTo(-1);
        assertThat(socket.connected.await(10, TimeUnit.SECONDS))
            .as("regdoc connected to the socket URL")
            .isTrue();
        socket.client.send(
            "{\"envelope_id\":\"env-1\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":"
                + SignedSender.envelope(
                    "Ev-socket",
                    SlackHttpModeTest.mention(
                        "C1",
                        "1700002000.000100",
                        "<@U0REGDOC> SEP0024142DDF24 drops to the secondary every 16 minutes"))
                + "}");

        FakeSlack.Call reply =
            slack.await(
                "/api/chat.postMessage", c -> "1700002000.000100".equals(c.param("thread_ts")));
        assertThat(FakeSlack.blockTexts(reply)).contains("button:SIP=protocol:SIP");
        assertThat(slack.calls("/api/apps.connections.open"))
            .isNotEmpty()
            .allSatisfy(c -> assertThat(c.auth()).isEqualTo("Bearer " + FakeSlack.APP_TOKEN));
        awaitAck(socket, "env-1");
      } finally {
        adapter.close();
      }
    } finally {
      socket.stop(1000);
    }
  }

  private static void awaitAck(FakeSocketMode socket, String envelopeId)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < end) {
      if (socket.received.stream()
          .anyMatch(m -> m.contains("\"envelope_id\":\"" + envelopeId + "\""))) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no ack for " + envelopeId + "; received " + socket.received);
  }
}
