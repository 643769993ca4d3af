package dev.regdoc.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.ProgressSink;
import dev.regdoc.conversation.Reply;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Starting the adapter against loopback fakes of Discord: the REST API (JDA's RestConfig base URL)
 * checks the token, and a local gateway speaks HELLO, reads IDENTIFY and then either sends READY or
 * closes as Discord does when a privileged intent is not switched on (4014).
 */
class DiscordStartTest {
  static final String TOKEN =
      "MTAxMDEwMTAxMDEwMTAxMDEw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
  private static final String SELF =
      "{\"id\":\"900000000000000001\",\"username\":\"regdoc\",\"discriminator\":\"0\",\"avatar\":null,"
          + "\"bot\":true,\"verified\":true,\"mfa_enabled\":false,\"flags\":0}";

  private HttpServer rest;
  private FakeGateway gateway;
  private final List<String> restCalls = new CopyOnWriteArrayList<>();

  /** Discord's gateway: HELLO on connect, then READY or a 4014 close after IDENTIFY. */
  static final class FakeGateway extends WebSocketServer {
    final List<String> received = new CopyOnWriteArrayList<>();
    final CountDownLatch started = new CountDownLatch(1);
    volatile boolean refuseIntents;

    FakeGateway() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      conn.send("{\"op\":10,\"s\":null,\"t\":null,\"d\":{\"heartbeat_interval\":41250}}");
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      received.add(message);
      if (!message.contains("\"op\":2")) {
        return;
      }
      if (refuseIntents) {
        conn.close(4014, "Disallowed intent(s).");
      } else {
        conn.send(
            "{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"v\":10,\"user\":"
                + SELF
                + ",\"guilds\":[],\"private_channels\":[],\"session_id\":\"s1\","
                + "\"resume_gateway_url\":\"ws://127.0.0.1:"
                + getPort()
                + "\",\"application\":{\"id\":\"900000000000000001\",\"flags\":0}}}");
      }
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

  @BeforeEach
  void startFakes() throws Exception {
    rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    rest.createContext(
        "/",
        ex -> {
          String auth = ex.getRequestHeaders().getFirst("Authorization");
          restCalls.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
          boolean ok = ("Bot " + TOKEN).equals(auth);
          byte[] body =
              (ok ? SELF : "{\"message\":\"401: Unauthorized\",\"code\":0}")
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(ok ? 200 : 401, body.length);
          try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
          }
        });
    rest.start();
    gateway = new FakeGateway();
    gateway.start();
    assertThat(gateway.started.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @AfterEach
  void stopFakes() throws Exception {
    rest.stop(0);
    gateway.stop(1000);
  }

  private DiscordSettings settings() {
    return DiscordSettings.defaults()
        .withEndpoints(
            "http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10/",
            "ws://127.0.0.1:" + gateway.getPort() + "/");
  }

  @Test
  void aMissingPrivilegedIntentSaysWhatToSwitchOnInOneLine() {
    gateway.refuseIntents = true;
    assertThatThrownBy(
            () -> DiscordAdapter.start(settings(), UNUSED, Map.of("DISCORD_BOT_TOKEN", TOKEN)))
        .isInstanceOf(DiscordStartException.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage())
                  .contains(
                      "MESSAGE CONTENT INTENT", "Privileged Gateway Intents", DiscordAdapter.PORTAL)
                  .doesNotContain("\n")
                  .doesNotContain(TOKEN);
            });
    assertThat(gateway.received).anyMatch(m -> m.contains("\"op\":2"));
  }

  @Test
  void aRefusedTokenIsNamedWithoutBeingShown() {
    String wrong = TOKEN.replace("GaBcDe", "XyZxYz");
    assertThatThrownBy(
            () -> DiscordAdapter.start(settings(), UNUSED, Map.of("DISCORD_BOT_TOKEN", wrong)))
        .isInstanceOf(DiscordStartException.class)
        .hasMessageStartingWith("Discord refused DISCORD_BOT_TOKEN")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain("\n"));
    assertThat(restCalls).contains("GET /api/v10/users/@me");
    assertThat(gateway.received).isEmpty();
  }

  @Test
  void aMissingOrMalformedTokenIsSaidBeforeConnecting() {
    assertThatThrownBy(() -> DiscordAdapter.start(settings(), UNUSED, Map.of()))
        .hasMessageStartingWith("DISCORD_BOT_TOKEN is not set: export the bot's token");
    assertThatThrownBy(
            () -> DiscordAdapter.start(settings(), UNUSED, Map.of("DISCORD_BOT_TOKEN", "xoxb-123")))
        .hasMessageStartingWith("DISCORD_BOT_TOKEN does not look right")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("xoxb-123"));
    assertThat(restCalls).isEmpty();
  }

  @Test
  void withTheIntentsOnItIdentifiesWithExactlyTheThreeItNeedsAndStarts() {
    DiscordAdapter.Running running =
        DiscordAdapter.start(settings(), UNUSED, Map.of("DISCORD_BOT_TOKEN", TOKEN));
    running.close();
    String identify =
        gateway.received.stream().filter(m -> m.contains("\"op\":2")).findFirst().orElseThrow();
    // GUILDS (1 << 0, which JDA always asks for: threads and channels) | GUILD_MESSAGES (1 << 9)
    // | DIRECT_MESSAGES (1 << 12) | MESSAGE_CONTENT (1 << 15)
    assertThat(identify).contains("\"intents\":" + (1 | (1 << 9) | (1 << 12) | (1 << 15)));
  }

  private static final ChatEngine UNUSED =
      new ChatEngine() {
        @Override
        public Reply handle(Incoming incoming, ProgressSink progress) {
          throw new AssertionError("no message is sent in these tests");
        }

        @Override
        public boolean hasCase(String conversation) {
          return false;
        }

        @Override
        public long maxUploadBytes() {
          return 1 << 20;
        }
      };
}
