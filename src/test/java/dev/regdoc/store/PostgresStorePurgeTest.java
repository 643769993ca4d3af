package dev.regdoc.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

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
