package dev.regdoc.chat.web;

import static dev.regdoc.testing.SharedStoreEngines.PASSWORD;
import static dev.regdoc.testing.SharedStoreEngines.URL;
import static dev.regdoc.testing.SharedStoreEngines.USER;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.ConversationEngine;
import dev.regdoc.testing.SharedStoreEngines;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Two regdoc instances with their web chats on one PostgreSQL schema of their own, given the same
 * session key as a load balancer's instances are: what a browser meets when its requests go to
 * either. Skips the test when REGDOC_TEST_PG_URL names no database (bot/test starts one).
 */
final class TwoWebInstances implements AutoCloseable {
  static final byte[] SESSION_KEY = "a key both instances are given, 32b".getBytes();
  private static final Duration LEASE = Duration.ofSeconds(3);

  private final Path dir;
  private final String schema;
  private final SharedStoreEngines instances;
  private final List<WebChatServer> servers = new ArrayList<>();

  private TwoWebInstances(Path dir, String schema) {
    this.dir = dir;
    this.schema = schema;
    this.instances = new SharedStoreEngines(URL, USER, PASSWORD, schema, dir, LEASE);
  }

  /** Both instances, on a new schema named after {@code prefix} and this process. */
  static TwoWebInstances start(Path dir, String prefix) throws Exception {
    return start(dir, prefix, UnaryOperator.identity());
  }

  /** As above, each web chat serving its engine as {@code wrap} makes it. */
  static TwoWebInstances start(Path dir, String prefix, UnaryOperator<ChatEngine> wrap)
      throws Exception {
    assumeTrue(
        URL != null && !URL.isBlank(),
        "REGDOC_TEST_PG_URL is not set, so the two-instance web test is skipped"
            + " (bot/test sets it when it can start PostgreSQL 15)");
    TwoWebInstances t = new TwoWebInstances(dir, prefix + "_" + ProcessHandle.current().pid());
    sql("CREATE SCHEMA " + t.schema);
    try {
      t.servers.add(t.web(wrap.apply(t.engine("first"))));
      t.servers.add(t.web(wrap.apply(t.engine("second"))));
    } catch (RuntimeException e) {
      t.close();
      throw e;
    }
    return t;
  }

  WebChatServer first() {
    return servers.get(0);
  }

  WebChatServer second() {
    return servers.get(1);
  }

  private ConversationEngine engine(String name) {
    return instances.engine(name);
  }

  private WebChatServer web(ChatEngine engine) {
    return WebChatServer.start(WebChatSettings.defaults().withPort(0), engine, null, SESSION_KEY);
  }

  @Override
  public void close() throws Exception {
    servers.forEach(WebChatServer::stop);
    instances.close();
    sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }
}
