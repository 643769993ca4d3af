package dev.regdoc.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The periodic purge: exactly the rows past their retention that no unfinished job or case needs
 * go, a few rows per statement, and one instance purges at a time. Rows are written straight into
 * the tables, with the times each case needs. Run against each database by a subclass.
 */
abstract class StorePurgeContract {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
  static final Instant NOW = CLOCK.instant();
  static final Instant OLD = NOW.minus(Duration.ofDays(40));
  static final Instant RECENT = NOW.minus(Duration.ofDays(2));

  /** Defaults, but two rows a statement, so that a handful of rows takes several batches. */
  static final RetentionSettings TWO_A_BATCH = RetentionSettings.defaults().withBatchRows(2);

  @TempDir Path dataDir;
  JdbcCaseStore store;
  private Connection db;

  /** The settings of a fresh, empty store whose files live under {@code dataDir}. */
  abstract StoreSettings freshSettings(Path dataDir) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = JdbcCaseStore.open(freshSettings(dataDir));
    StoreSettings s = store.settings();
    db = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
  }

  @AfterEach
  void closeStore() throws SQLException {
    if (db != null) {
      db.close();
      db = null;
    }
    if (store != null) {
      store.close();
      store = null;
    }
  }

  @Test
  void exactlyTheOldFinishedJobsAndEventsGoInBatches() throws Exception {
    long done1 = job("done", OLD, OLD, null, null);
    long done2 = job("done", OLD, OLD, null, null);
    long done3 = job("done", OLD, OLD, null, null);
    long failed = job("failed", OLD, OLD, null, null);
    long recentDone = job("done", RECENT, RECENT, null, null);
    long running = job("running", OLD, null, NOW.plusSeconds(60), "slack:event:EvRun");
    long leaseGone = job("running", OLD, null, OLD, null);
    long queued = job("queued", OLD, null, null, "slack:event:EvQ");
    for (long j : List.of(done1, done2, done3, failed, recentDone, running)) {
      post(j, "progress");
      post(j, "chart-1");
    }
    event("slack:event:EvOld", NOW.minus(Duration.ofDays(3)), null);
    event("slack:event:EvInRetry", NOW.minus(Duration.ofMinutes(50)), null);
    event("slack:file:F1", NOW.minus(Duration.ofDays(3)), "slack:event:EvQ");
    long caseId = store.newCase("alice", OLD).id();
    store.bindConversation("web:page-1", caseId);
    long casesRows = count("cases") + count("conversations");

    PurgeReport r = store.purgeFinished(TWO_A_BATCH, CLOCK.instant());

    assertThat(ids("SELECT id FROM analysis_jobs ORDER BY id"))
        .as("the recent, the running (lease live or not) and the queued jobs stay")
        .containsExactly(recentDone, running, leaseGone, queued);
    assertThat(ids("SELECT DISTINCT job_id FROM job_posts ORDER BY job_id"))
        .containsExactly(recentDone, running);
    assertThat(strings("SELECT event_key FROM handled_events ORDER BY event_key"))
        .as("inside the retry window, or taken by a queued turn")
        .containsExactly("slack:event:EvInRetry", "slack:file:F1");
    assertThat(count("cases") + count("conversations")).isEqualTo(casesRows);
    assertThat(r.ran()).isTrue();
    assertThat(r.deleted("analysis_jobs")).isEqualTo(4);
    assertThat(r.batches("analysis_jobs")).as("two jobs a statement").isEqualTo(2);
    assertThat(r.deleted("job_posts")).isEqualTo(8);
    assertThat(r.batches("job_posts")).as("the posts of two jobs a statement").isEqualTo(2);
    assertThat(r.deleted("handled_events")).isEqualTo(1);
    assertThat(r.summary()).contains("4 analysis_jobs (2 batches)");

    assertThat(store.purgeFinished(TWO_A_BATCH, CLOCK.instant()).total())
        .as("a second run finds nothing more")
        .isZero();
  }

  @Test
  void theWebHistoryStaysUnlessAskedAndAnUnfinishedJobsTurnsStayAnyway() throws Exception {
    long queued = job("queued", OLD, null, null, null);
    turn("web:a", null, OLD);
    turn("web:a", null, OLD);
    turn("web:a", queued, OLD);
    turn("web:a", null, RECENT);

    assertThat(store.purgeFinished(TWO_A_BATCH, NOW).deleted("conversation_turns")).isZero();
    assertThat(count("conversation_turns")).isEqualTo(4);

    PurgeReport r = store.purgeFinished(TWO_A_BATCH.withWebHistory(Duration.ofDays(30)), NOW);

    assertThat(r.deleted("conversation_turns")).isEqualTo(2);
    assertThat(ids("SELECT job_id FROM conversation_turns WHERE job_id IS NOT NULL"))
        .containsExactly(queued);
    assertThat(count("conversation_turns")).isEqualTo(3 - 1);
  }

  @Test
  void bytesKeptForAJobGoOnlyOnceNeitherAJobNorAnUploadNamesThem() throws Exception {
    String orphan = "a1".repeat(32);
    String ofAJob = "b2".repeat(32);
    String uploaded = "c3".repeat(32);
    String keptLately = "d4".repeat(32);
    String keptBeforeV10 = "e5".repeat(32);
    content(orphan, OLD);
    content(ofAJob, OLD);
    content(uploaded, OLD);
    content(keptLately, RECENT);
    content(keptBeforeV10, null);
    job("failed", RECENT, RECENT, null, null, "{\"files\":[{\"sha256\":\"" + ofAJob + "\"}]}");
    long caseId = store.newCase("alice", OLD).id();
    upload(caseId, uploaded);

    PurgeReport r = store.purgeFinished(TWO_A_BATCH, NOW);

    assertThat(strings("SELECT sha256 FROM file_contents ORDER BY sha256"))
        .containsExactly(ofAJob, uploaded, keptLately, keptBeforeV10);
    assertThat(strings("SELECT DISTINCT sha256 FROM file_chunks ORDER BY sha256"))
        .containsExactly(ofAJob, uploaded, keptLately, keptBeforeV10);
    assertThat(r.deleted("file_contents")).isEqualTo(1);
  }

  @Test
  void twoPurgersAtOnceDoNotBothRun() throws Exception {
    for (int i = 0; i < 5; i++) {
      job("done", OLD, OLD, null, null);
    }
    AtomicReference<PurgeReport> meanwhile = new AtomicReference<>();
    try (JdbcCaseStore other = JdbcCaseStore.open(store.settings())) {
      PurgeReport first =
          store.purgeFinished(
              TWO_A_BATCH,
              NOW,
              () -> {
                if (meanwhile.get() == null) {
                  meanwhile.set(other.purgeFinished(TWO_A_BATCH, NOW));
                }
              });

      assertThat(meanwhile.get().ran()).as("the other instance, during the first's run").isFalse();
      assertThat(meanwhile.get().total()).isZero();
      assertThat(first.ran()).isTrue();
      assertThat(first.deleted("analysis_jobs")).isEqualTo(5);
      assertThat(first.batches("analysis_jobs")).isEqualTo(3);
      assertThat(other.purgeFinished(TWO_A_BATCH, NOW).ran())
          .as("once the first has ended, the other may run")
          .isTrue();
    }
    assertThat(count("analysis_jobs")).isZero();
  }

  // ---- rows as the store and the jobs write them ----

  private long job(String state, Instant enqueued, Instant finished, Instant lease, String event)
      throws SQLException {
    return job(state, enqueued, finished, lease, event, "{}");
  }

  private long job(
      String state, Instant enqueued, Instant finished, Instant lease, String event, String payload)
      throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT INTO analysis_jobs (conversation, front_end, payload_json, state, attempts,"
                + " enqueued_at, finished_at, lease_until, event_key, owner)"
                + " VALUES ('slack:T1:C1:1', 'slack', ?, ?, 1, ?, ?, ?, ?, 'i1')",
            new String[] {"id"})) {
      ps.setString(1, payload);
      ps.setString(2, state);
      Sql.setInstant(ps, 3, enqueued);
      Sql.setInstant(ps, 4, finished);
      Sql.setInstant(ps, 5, lease);
      ps.setString(6, event);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private void post(long job, String item) throws SQLException {
    update("INSERT INTO job_posts (job_id, item, posted) VALUES (?, ?, 'yes')", job, item);
  }

  private void event(String key, Instant at, String by) throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT INTO handled_events (event_key, handled_at, handled_by) VALUES (?, ?, ?)")) {
      ps.setString(1, key);
      Sql.setInstant(ps, 2, at);
      ps.setString(3, by);
      ps.executeUpdate();
    }
  }

  private void turn(String conversation, Long job, Instant at) throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT INTO conversation_turns (conversation, job_id, from_bot, turn_json,"
                + " full_chars, slim_chars, said_at) VALUES (?, ?, FALSE, '{}', 2, 2, ?)")) {
      ps.setString(1, conversation);
      ps.setObject(2, job, Types.BIGINT);
      Sql.setInstant(ps, 3, at);
      ps.executeUpdate();
    }
  }

  private void content(String sha, Instant keptAt) throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT INTO file_contents (sha256, size_bytes, chunks, kept_at) VALUES (?, 3, 1,"
                + " ?)")) {
      ps.setString(1, sha);
      Sql.setInstant(ps, 2, keptAt);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        db.prepareStatement("INSERT INTO file_chunks (sha256, seq, bytes) VALUES (?, 0, ?)")) {
      ps.setString(1, sha);
      ps.setBytes(2, new byte[] {1, 2, 3});
      ps.executeUpdate();
    }
  }

  private void upload(long caseId, String sha) throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT INTO file_uploads (case_id, name, sha256, size_bytes, uploaded_at, expires_at,"
                + " expired) VALUES (?, 'a.pcap', ?, 3, ?, ?, FALSE)")) {
      ps.setLong(1, caseId);
      ps.setString(2, sha);
      Sql.setInstant(ps, 3, OLD);
      Sql.setInstant(ps, 4, NOW.plus(Duration.ofDays(300)));
      ps.executeUpdate();
    }
  }

  private void update(String sql, long id, String text) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      ps.setLong(1, id);
      ps.setString(2, text);
      ps.executeUpdate();
    }
  }

  private long count(String table) throws SQLException {
    return ids("SELECT COUNT(*) FROM " + table).get(0);
  }

  private List<Long> ids(String sql) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  private List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
