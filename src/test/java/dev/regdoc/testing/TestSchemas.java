package dev.regdoc.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.regdoc.store.StoreSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema of its own for each PostgreSQL store test, in the throw-away database bot/test starts
 * (REGDOC_TEST_PG_URL, with REGDOC_TEST_PG_USER and REGDOC_TEST_PG_PASSWORD): the tests do not see
 * each other's rows and ids. Without a database the test is skipped, saying why.
 */
public final class TestSchemas {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private final String prefix;
  private String schema;

  /** Schemas named {@code prefix_pid_n}. */
  public TestSchemas(String prefix) {
    this.prefix = prefix;
  }

  /**
   * Store settings on a new schema, the data folder {@code dataDir}; skips the test, naming {@code
   * what} is skipped, when bot/test started no database.
   */
  public StoreSettings fresh(Path dataDir, String what) throws SQLException {
    String url = SharedStoreEngines.URL;
    assumeTrue(
        url != null && !url.isBlank(),
        "REGDOC_TEST_PG_URL is not set, so the PostgreSQL "
            + what
            + " are skipped (bot/test sets it when it can start PostgreSQL 15)");
    schema = prefix + "_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    execute("CREATE SCHEMA " + schema);
    String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return StoreSettings.defaults(dataDir)
        .withDatabase(inSchema, SharedStoreEngines.USER, SharedStoreEngines.PASSWORD);
  }

  /** The schema of the last {@link #fresh} call, or null before one. */
  public String schema() {
    return schema;
  }

  /** Drops the schema made last, if any. */
  public void drop() throws SQLException {
    if (schema != null) {
      execute("DROP SCHEMA " + schema + " CASCADE");
      schema = null;
    }
  }

  /** Runs {@code sql} in the test database, outside any test's schema. */
  public static void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** A connection to the test database. */
  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        SharedStoreEngines.URL, SharedStoreEngines.USER, SharedStoreEngines.PASSWORD);
  }
}
