package dev.regdoc.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.conversation.store.CaseRecord;
import dev.regdoc.conversation.store.ChatMessage;
import dev.regdoc.conversation.store.StoredFile;
import dev.regdoc.conversation.store.UserProfile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that the runner before Flyway made and filled opens with today's store: every row is
 * still there, and the scripts after its version run. Run against each database by a subclass.
 */
abstract class PreFlywayUpgradeContract {

  static final Instant T0 = Instant.parse("2026-11-30T09:15:00.123456789Z");
  static final String SHA = "ab".repeat(32);

  @TempDir Path dataDir;

  /** The settings of a fresh, empty database whose files live under {@code dataDir}. */
  abstract StoreSettings freshSettings(Path dataDir) throws Exception;

  @Test
  void aVersionTwoDatabaseKeepsItsRowsAndGetsTheNewScripts() throws Exception {
    StoreSettings settings = freshSettings(dataDir);
    long id;
    try (Connection c = connect(settings)) {
      PreFlywayRunner.migrate(c, 2);
      id = insertOldCase(c, true);
    }

    try (JdbcCaseStore store = JdbcCaseStore.open(settings)) {
      assertThat(store.findCase(id)).contains(oldCase(id));
      assertThat(store.joinToken(id)).contains("token-of-the-old-case");
      assertOtherRowsKept(store, id);
      assertThat(store.newCase("bob", T0).id())
          .as("ids go on after the old ones")
          .isGreaterThan(id);
    }
    try (Connection c = connect(settings)) {
      assertThat(history(c))
          .containsExactly(
              "2 BASELINE true",
              "3 SQL true",
              "4 SQL true",
              "5 SQL true",
              "6 SQL true",
              "7 SQL true",
              "8 SQL true",
              "9 SQL true",
              "10 SQL true");
      assertThat(hasOldVersionTable(c)).as("the old version table is dropped").isFalse();
    }
  }

  @Test
  void aVersionOneDatabaseGetsTheJoinTokenColumnAndTheRest() throws Exception {
    StoreSettings settings = freshSettings(dataDir);
    long id;
    try (Connection c = connect(settings)) {
      PreFlywayRunner.migrate(c, 1);
      id = insertOldCase(c, false);
    }

    try (JdbcCaseStore store = JdbcCaseStore.open(settings)) {
      assertThat(store.findCase(id)).contains(oldCase(id));
      assertThat(store.joinToken(id)).as("a version 1 case gets a token when asked").isPresent();
      assertOtherRowsKept(store, id);
    }
    try (Connection c = connect(settings)) {
      assertThat(history(c))
          .containsExactly(
              "1 BASELINE true",
              "2 SQL true",
              "3 SQL true",
              "4 SQL true",
              "5 SQL true",
              "6 SQL true",
              "7 SQL true",
              "8 SQL true",
              "9 SQL true",
              "10 SQL true");
    }
  }

  @Test
  void aNewDatabaseRunsEveryScriptAndOpensAgainUnchanged() throws Exception {
    StoreSettings settings = freshSettings(dataDir);
    JdbcCaseStore.open(settings).close();
    try (JdbcCaseStore store = JdbcCaseStore.open(settings)) {
      assertThat(store.newCase("alice", T0).id()).isPositive();
    }
    try (Connection c = connect(settings)) {
      assertThat(history(c))
          .containsExactly(
              "1 SQL true",
              "2 SQL true",
              "3 SQL true",
              "4 SQL true",
              "5 SQL true",
              "6 SQL true",
              "7 SQL true",
              "8 SQL true",
              "9 SQL true",
              "10 SQL true");
      assertThat(hasOldVersionTable(c)).isFalse();
    }
  }

  static Connection connect(StoreSettings s) throws SQLException {
    return DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
  }

  /** One case with a row in every table, written as the store before Flyway wrote them. */
  private static long insertOldCase(Connection c, boolean withToken) throws SQLException {
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO cases (version, opened_by, opened_at, updated_at, device, symptom,"
                + " protocol, when_text, cucm_version, lang, stage, findings_json, attributes_json"
                + (withToken ? ", join_token" : "")
                + ") VALUES (3, 'alice', ?, ?, 'SEP00AABBCCDDEE', 'unregisters every 16 min',"
                + " 'SIP', 'since Monday', '14.0', 'en', 'awaiting-captures',"
                + " '{\"findings\":[]}', '{\"site\":\"Osaka\"}'"
                + (withToken ? ", 'token-of-the-old-case'" : "")
                + ")",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, nanos(T0));
      ps.setLong(2, nanos(T0.plusSeconds(60)));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    try (Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO case_steps (case_id, step_id, state) VALUES ("
              + id
              + ", 'collect-phone-capture', 'done')");
      st.execute(
          "INSERT INTO conversations (conversation, case_id) VALUES ('web:old', " + id + ")");
      st.execute(
          "INSERT INTO file_uploads (case_id, name, sha256, size_bytes, uploaded_by, uploaded_at,"
              + " expires_at, expired) VALUES ("
              + id
              + ", 'phone.pcap', '"
              + SHA
              + "', 4711, 'alice', "
              + nanos(T0.plusSeconds(5))
              + ", "
              + nanos(T0.plusSeconds(5 + 30L * 86_400))
              + ", FALSE)");
      st.execute(
          "INSERT INTO messages (case_id, conversation, author, from_bot, body, sent_at) VALUES ("
              + id
              + ", 'web:old', 'alice', FALSE, 'here is the phone capture', "
              + nanos(T0.plusSeconds(6))
              + ")");
      st.execute(
          "INSERT INTO users (user_id, lang, learning_json) VALUES ('alice', 'ja',"
              + " '{\"sccp-basics\":\"done\"}')");
    }
    return id;
  }

  private static CaseRecord oldCase(long id) {
    return new CaseRecord(
        id,
        3,
        "alice",
        T0,
        T0.plusSeconds(60),
        "SEP00AABBCCDDEE",
        "unregisters every 16 min",
        "SIP",
        "since Monday",
        "14.0",
        "en",
        "awaiting-captures",
        Map.of("collect-phone-capture", "done"),
        "{\"findings\":[]}",
        Map.of("site", "Osaka"));
  }

  private static void assertOtherRowsKept(JdbcCaseStore store, long id) {
    assertThat(store.caseOfConversation("web:old")).contains(id);
    assertThat(store.files(id))
        .containsExactly(
            new StoredFile(
                id,
                "phone.pcap",
                SHA,
                4711,
                "alice",
                T0.plusSeconds(5),
                T0.plusSeconds(5 + 30L * 86_400),
                false));
    assertThat(store.messages(id))
        .containsExactly(
            new ChatMessage(
                id, "web:old", "alice", false, "here is the phone capture", T0.plusSeconds(6)));
    assertThat(store.user("alice"))
        .contains(new UserProfile("alice", "ja", Map.of("sccp-basics", "done")));
  }

  /**
   * Flyway's history: "version type success" per applied script, in order (without the marker row
   * Flyway writes on H2 for the history table itself).
   */
  private static List<String> history(Connection c) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT \"version\", \"type\", \"success\" FROM \"regdoc_schema_history\""
                    + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3));
      }
    }
    return rows;
  }

  private static boolean hasOldVersionTable(Connection c) throws SQLException {
    for (String name : List.of("regdoc_schema", "REGDOC_SCHEMA")) {
      try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), name, null)) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
