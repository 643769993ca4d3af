package dev.regdoc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regdoc.conversation.store.AnalysisJobs;
import dev.regdoc.conversation.store.CaseRecord;
import dev.regdoc.conversation.store.StoredFile;
import dev.regdoc.conversation.store.TurnLocks;
import dev.regdoc.testing.SharedStoreEngines;
import dev.regdoc.testing.TestSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on PostgreSQL. Runs when REGDOC_TEST_PG_URL (with REGDOC_TEST_PG_USER,
 * REGDOC_TEST_PG_PASSWORD) names a database the user may create schemas in; bot/test starts one
 * with src/test/scripts/start-postgres.sh. Each test gets its own new schema, so the tests do not
 * see each other's rows and ids.
 */
class PostgresCaseStoreTest extends CaseStoreContract {

  private static String url;
  private static String user;
  private static String password;
  private final TestSchemas schemas = new TestSchemas("contract");
  private String schema;

  @BeforeAll
  static void readTheDatabaseFromTheEnvironment() {
    url = SharedStoreEngines.URL;
    user = SharedStoreEngines.USER;
    password = SharedStoreEngines.PASSWORD;
  }

  /**
   * Runs first in every test (from the contract's set-up), so each test reports itself skipped,
   * with the reason.
   */
  @Override
  StoreSettings freshSettings(Path dataDir) throws Exception {
    StoreSettings settings = schemas.fresh(dataDir, "case-store tests");
    schema = schemas.schema();
    return settings;
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (schema != null) {
      store.close();
      schemas.drop();
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

  /**
   * Another instance, with a data directory of its own, reads the bytes one instance received: they
   * are in the database, in chunks (one chunk row per 256 KiB, so neither side held the file
   * whole).
   */
  @Test
  void uploadedBytesReachAnInstanceWithAnotherDataDirectory(@TempDir Path otherDir)
      throws Exception {
    byte[] bytes = new byte[3 * DatabaseFiles.CHUNK + 17];
    new Random(16).nextBytes(bytes);
    CaseRecord c = store.newCase("alice", T0);
    StoredFile f =
        store.putFile(c.id(), "big.pcap", Files.write(dataDir.resolve("big.pcap"), bytes), "a", T0);
    StoreSettings elsewhere =
        new StoreSettings(
            store.settings().jdbcUrl(), user, password, otherDir, store.settings().fileRetention());
    try (JdbcCaseStore other = JdbcCaseStore.open(elsewhere)) {
      Path read = other.content(f.sha256()).orElseThrow();
      assertThat(read).startsWith(otherDir);
      assertThat(Files.readAllBytes(read)).isEqualTo(bytes);
      assertThat(other.files(c.id())).containsExactly(f);

      assertThat(store.purgeExpired(f.expiresAt())).isEqualTo(1);
      assertThat(other.content(f.sha256())).as("purged by the first instance").isEmpty();
      assertThat(read).as("the second instance's cached copy goes too").doesNotExist();
    }
    assertThat(count("SELECT COUNT(*) FROM " + schema + ".file_chunks")).isZero();
  }

  /**
   * A turn of a conversation in one instance keeps the same conversation's turn in another waiting
   * until it ends; other conversations go on.
   */
  @Test
  void aTurnLockHeldByOneInstanceHoldsBackTheOther() throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (JdbcCaseStore second = JdbcCaseStore.open(store.settings())) {
      TurnLocks.Held held = store.turnLocks().hold("slack:T1:C1:1");
      try (TurnLocks.Held elsewhere = second.turnLocks().hold("slack:T1:C1:2")) {
        assertThat(elsewhere).as("another conversation is not held back").isNotNull();
      }
      Future<Boolean> waiting =
          other.submit(
              () -> {
                try (TurnLocks.Held h = second.turnLocks().hold("slack:T1:C1:1")) {
                  return true;
                }
              });
      assertThatThrownBy(() -> waiting.get(500, TimeUnit.MILLISECONDS))
          .isInstanceOf(TimeoutException.class);
      held.close();
      assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      other.shutdownNow();
    }
  }

  /**
   * A conversation's queued turns are claimed one at a time in the order they were queued, while
   * other conversations' turns go on; a later turn is claimable once the earlier one ended.
   */
  @Test
  void aConversationsLaterTurnIsNotClaimedWhileAnEarlierOneIsQueuedOrRunning() {
    AnalysisJobs jobs = store.jobs().orElseThrow();
    Duration lease = Duration.ofMinutes(1);
    long first = jobs.enqueue("slack:T1:C1:1", "slack-turn", "{}");
    long second = jobs.enqueue("slack:T1:C1:1", "slack-turn", "{}");
    long elsewhere = jobs.enqueue("slack:T1:C2:1", "slack-event", "{}");
    Set<String> both = Set.of("slack-turn", "slack-event");

    assertThat(jobs.claim(both, "a", lease).orElseThrow().id()).isEqualTo(first);
    assertThat(jobs.claim(both, "b", lease).orElseThrow().id())
        .as("the other conversation, not the first's next turn")
        .isEqualTo(elsewhere);
    assertThat(jobs.claim(both, "b", lease)).as("the next turn waits for the first").isEmpty();

    assertThat(jobs.finish(first, "a", true)).isTrue();
    assertThat(jobs.claim(both, "b", lease).orElseThrow().id()).isEqualTo(second);
  }

  @Test
  void aFileIsStoredInChunksOfBoundedSize() throws Exception {
    byte[] bytes = new byte[2 * DatabaseFiles.CHUNK + 1];
    String sha = store.keepContent(Files.write(dataDir.resolve("x.pcap"), bytes));
    assertThat(
            count("SELECT COUNT(*) FROM " + schema + ".file_chunks WHERE sha256 = '" + sha + "'"))
        .isEqualTo(3);
    assertThat(
            count(
                "SELECT MAX(LENGTH(bytes)) FROM "
                    + schema
                    + ".file_chunks WHERE sha256 = '"
                    + sha
                    + "'"))
        .isEqualTo(DatabaseFiles.CHUNK);
  }

  private static long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement();
        var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
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
}
