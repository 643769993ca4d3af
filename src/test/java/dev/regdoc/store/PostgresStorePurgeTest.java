package dev.regdoc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The purge on PostgreSQL, each test in a new schema. Runs when REGDOC_TEST_PG_URL (with
 * REGDOC_TEST_PG_USER, REGDOC_TEST_PG_PASSWORD) names a database; bot/test starts one.
 */
class PostgresStorePurgeTest extends StorePurgeContract {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static final String URL = System.getenv("REGDOC_TEST_PG_URL");
  private static final String USER = System.getenv().getOrDefault("REGDOC_TEST_PG_USER", "regdoc");
  private static final String PASSWORD =
      System.getenv().getOrDefault("REGDOC_TEST_PG_PASSWORD", "");
  private String schema;

  @Override
  StoreSettings freshSettings(Path dataDir) throws Exception {
    assumeTrue(
        URL != null && !URL.isBlank(),
        "REGDOC_TEST_PG_URL is not set, so the PostgreSQL purge tests are skipped"
            + " (bot/test sets it when it can start PostgreSQL 15)");
    schema = "purge_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    execute("CREATE SCHEMA " + schema);
    String inSchema = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return StoreSettings.defaults(dataDir).withDatabase(inSchema, USER, PASSWORD);
  }

  /**
   * Bytes the store keeps for a queued job carry when they were kept, so that the purge takes them
   * only once their retention is over and no job names them; keeping them again starts it anew.
   */
  @Test
  void bytesKeptForAQueuedJobGoAfterTheirRetentionOnly() throws Exception {
    Path file = Files.writeString(dataDir.resolve("q.pcap"), "queued capture");
    String sha = store.keepContent(file);
    Instant kept = Instant.now();

    assertThat(store.purgeFinished(TWO_A_BATCH, kept.plus(Duration.ofDays(29))).total()).isZero();
    assertThat(store.content(sha)).isPresent();

    assertThat(
            store
                .purgeFinished(TWO_A_BATCH, kept.plus(Duration.ofDays(31)))
                .deleted(StorePurge.CONTENTS))
        .isEqualTo(1);
    assertThat(store.content(sha)).isEmpty();
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (schema != null) {
      closeStore();
      execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
