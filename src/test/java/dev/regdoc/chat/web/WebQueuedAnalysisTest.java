package dev.regdoc.chat.web;

import static dev.regdoc.testing.SharedStoreEngines.PASSWORD;
import static dev.regdoc.testing.SharedStoreEngines.URL;
import static dev.regdoc.testing.SharedStoreEngines.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.ConversationEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.ProgressSink;
import dev.regdoc.conversation.Reply;
import dev.regdoc.testing.SharedStoreEngines;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two web chat instances on one PostgreSQL, sharing the session key as a load balancer's instances
 * would. An upload to the first is queued as an analysis job; the first dies while it analyses (its
 * lease is no longer renewed and its web port is gone). The second takes the job over once the
 * lease runs out, and the browser, now served by the second, finds the one diagnosis in its
 * conversation. Runs when REGDOC_TEST_PG_URL names a database (bot/test starts one).
 */
class WebQueuedAnalysisTest {
  private static final Path CASE2 = Path.of("src/test/resources/fixtures/case-study-2");
  private static final Duration LEASE = Duration.ofSeconds(3);
  private static final byte[] SESSION_KEY = "a key both instances are given, 32b".getBytes();

  @TempDir Path dir;
  private String schema;
  private SharedStoreEngines instances;
  private final List<WebChatServer> servers = new ArrayList<>();
  private final CountDownLatch firstAnalysing = new CountDownLatch(1);

  @BeforeEach
  void schema() throws Exception {
    assumeTrue(
        URL != null && !URL.isBlank(),
        "REGDOC_TEST_PG_URL is not set, so the queued web analysis test is skipped"
            + " (bot/test sets it when it can start PostgreSQL 15)");
    schema = "webq_" + ProcessHandle.current().pid();
    sql("CREATE SCHEMA " + schema);
    instances = new SharedStoreEngines(URL, USER, PASSWORD, schema, dir, LEASE);
  }

  @AfterEach
  void stopAll() throws Exception {
    servers.forEach(WebChatServer::stop);
    if (instances != null) {
      instances.close();
    }
    if (schema != null) {
      sql("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void anUploadToAnInstanceThatDiesIsAnsweredByAnotherInTheSameWebConversation() throws Exception {
    ConversationEngine first = engine("first");
    WebChatServer firstWeb = web(new StuckAnalyses(first));
    WebChatClient browser = new WebChatClient(firstWeb.uri());
    assertThat(browser.text(WebChatServerTest.SYMPTOM).status()).isEqualTo(200);

    // GIVEN an upload to the first instance, queued and taken by it, stuck in its analysis
    CompletableFuture<WebChatClient.Response> lost =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return browser.uploadAll(
                    CASE2.resolve("phone.pcap"), CASE2.resolve("switch-config.txt"));
              } catch (Exception e) {
                return null; // the instance died under the request
              }
            });
    assertThat(firstAnalysing.await(60, TimeUnit.SECONDS))
        .as("the first instance analyses")
        .isTrue();
    assertThat(strings("SELECT owner FROM analysis_jobs WHERE state = 'running'"))
        .containsExactly("first");

    // WHEN the first instance dies: its lease is no longer renewed, its web port is gone
    first.abandonSharing();
    firstWeb.stop();
    lost.get(30, TimeUnit.SECONDS);
    ConversationEngine second = engine("second");
    WebChatServer secondWeb = web(second);

    // THEN the same browser, served by the second instance, finds one diagnosis in its conversation
    WebChatClient same = new WebChatClient(secondWeb.uri()).token(browser.token());
    List<JsonNode> replies = await(() -> diagnoses(same), Duration.ofSeconds(90));
    Thread.sleep(1000); // a second answer, if any, would come now
    replies = diagnoses(same);
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).path("blocks").findValuesAsText("code"))
        .first()
        .isEqualTo("port-security-aging");
    assertThat(userTurns(same)).contains("phone.pcap, switch-config.txt");
    assertThat(strings("SELECT state || ' ' || owner || ' ' || attempts FROM analysis_jobs"))
        .containsExactly("done second 2");
  }

  /** The replies with findings in the conversation's history as the page would show it. */
  private static List<JsonNode> diagnoses(WebChatClient c) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode turn : c.getApi("api/history").json().path("turns")) {
      if (!turn.path("reply").path("blocks").findValues("code").isEmpty()) {
        out.add(turn.path("reply"));
      }
    }
    return out;
  }

  private static List<String> userTurns(WebChatClient c) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode turn : c.getApi("api/history").json().path("turns")) {
      if (turn.has("file")) {
        out.add(turn.path("file").asText());
      }
    }
    return out;
  }

  private ConversationEngine engine(String name) {
    return instances.engine(name);
  }

  private WebChatServer web(ChatEngine engine) {
    WebChatServer s =
        WebChatServer.start(WebChatSettings.defaults().withPort(0), engine, null, SESSION_KEY);
    servers.add(s);
    return s;
  }

  /**
   * The first instance's engine, whose analyses never end (until the instance dies): what it holds
   * when it is killed. Everything else is the engine's own.
   */
  private final class StuckAnalyses extends ForwardingEngine {
    StuckAnalyses(ChatEngine engine) {
      super(engine);
    }

    @Override
    public Reply handle(Incoming in, ProgressSink progress) {
      if (in.uploads().isEmpty()) {
        return engine.handle(in, progress);
      }
      firstAnalysing.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the instance died mid-analysis");
    }
  }

  @FunctionalInterface
  private interface Found<T> {
    List<T> get() throws Exception;
  }

  private static <T> List<T> await(Found<T> f, Duration limit) throws Exception {
    Instant end = Instant.now().plus(limit);
    List<T> got = f.get();
    while (got.isEmpty()) {
      assertThat(Instant.now()).as("waited %s", limit).isBefore(end);
      Thread.sleep(200);
      got = f.get();
    }
    return got;
  }

  private List<String> strings(String query) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement st = c.createStatement()) {
      st.execute("SET search_path TO " + schema);
      try (ResultSet rs = st.executeQuery(query)) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }
}
