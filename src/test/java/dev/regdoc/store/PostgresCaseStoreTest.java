package dev.regdoc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract on PostgreSQL. Runs when REGDOC_TEST_PG_URL (with REGDOC_TEST_PG_USER,
 * REGDOC_TEST_PG_PASSWORD) names a database the user may create schemas in; bot/test starts one
 * with src/test/scripts/start-postgres.sh. Each test gets its own new schema, so the tests do not
 * see each other's rows and ids.
 */
class PostgresCaseStoreTest extends CaseStoreContract {

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static String url;
  private static String user;
  private static String password;
  private String schema;

  @BeforeAll
  static void readTheDatabaseFromTheEnvironment() {
    url = System.getenv("REGDOC_TEST_PG_URL");
    user = System.getenv().getOrDefault("REGDOC_TEST_PG_USER", "regdoc");
    password = System.getenv().getOrDefault("REGDOC_TEST_PG_PASSWORD", "");
  }

  /**
   * Runs first in every test (from the contract's set-up), so each test reports itself skipped,
   * with the reason.
   */
  @Override
  StoreSettings freshSettings(Path dataDir) throws Exception {
    assumeTrue(
        url != null && !url.isBlank(),
        "REGDOC_TEST_PG_URL is not set, so the PostgreSQL case-store tests are skipped"
            + " (bot/test sets it when it can start PostgreSQL 15)");
    schema = "contract_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    execute("CREATE SCHEMA " + schema);
    String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return StoreSettings.defaults(dataDir).withDatabase(inSchema, user, password);
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (schema != null) {
      store.close();
      execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void theTablesAreInTheTestsOwnSchema() throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password);
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT table_schema FROM information_schema.tables WHERE table_name ="
                        + " 'cases'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(schema);
      assertThat(rs.next()).as("only this test's schema exists now").isFalse();
    }
  }

  @Test
  void aWrongPasswordIsAClearErrorThatDoesNotShowThePassword() {
    String wrong = "not-the-password-4711";
    StoreSettings bad = store.settings().withDatabase(url, user, wrong);
    assertThatThrownBy(() -> JdbcCaseStore.open(bad))
        .isInstanceOf(CaseStoreUnavailableException.class)
        .hasMessageContaining(url)
        .hasMessageContaining("password authentication failed")
        .hasMessageNotContaining(wrong);
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
