package dev.regdoc.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.regdoc.conversation.store.AnalysisJobs;
import dev.regdoc.conversation.store.CaseRecord;
import dev.regdoc.conversation.store.CaseStore;
import dev.regdoc.conversation.store.ChatMessage;
import dev.regdoc.conversation.store.ConversationTurns;
import dev.regdoc.conversation.store.PointTally;
import dev.regdoc.conversation.store.StaleCaseException;
import dev.regdoc.conversation.store.StoredFile;
import dev.regdoc.conversation.store.TurnLocks;
import dev.regdoc.conversation.store.UserProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The case store on a JDBC database (H2 file database by default, PostgreSQL by URL). The uploaded
 * bytes are kept by content hash: on H2 in the data directory; on PostgreSQL in the database, where
 * every instance sharing it reads them, with the data directory as this instance's cache. Every
 * method runs in its own transaction, committed before it returns.
 */
public final class JdbcCaseStore implements CaseStore {

  private static final String CASE_COLUMNS =
      "id, version, opened_by, opened_at, updated_at, device, symptom, protocol,"
          + " when_text, cucm_version, lang, stage, findings_json, attributes_json";
  private static final String FILE_COLUMNS =
      "case_id, name, sha256, size_bytes, uploaded_by, uploaded_at, expires_at," + " expired";

  private static final String H2_BIND_ADDRESS = "h2.bindAddress";

  /** H2's error code for a database file that another process holds without AUTO_SERVER. */
  private static final int H2_DATABASE_IN_USE = 90020;

  private final HikariDataSource pool;
  private final JdbcTransactions tx;
  private final FileCopies copies;
  private final StoreSettings settings;

  private final SecureRandom random = new SecureRandom();

  /** When bytes are kept in the database (the purge spares bytes kept lately). */
  private final Clock clock = Clock.systemUTC();

  /**
   * On H2, saves of one case are also serialised in this process (by stripe of the case id). Once,
   * on a loaded machine, the concurrent-save contract test lost 2 of 90 updates on H2 2.3.232: the
   * row lock plus version check let two saves of one version through (H2 has had SELECT ... FOR
   * UPDATE return pre-commit data before). This lock closes the gap between the threads of one
   * process; saves of one case from two processes sharing the file (AUTO_SERVER) rest on the row
   * lock alone, as on PostgreSQL, which re-reads a row it waited for and so decides alone, also
   * between processes.
   */
  private final Object[] saveLocks;

  /** On PostgreSQL (shared by instances) the bytes are in the database and turns lock there too. */
  private final boolean onPostgres;

  /** On PostgreSQL, advisory locks; created on first use. */
  private AdvisoryTurnLocks turnLocks;

  /** Turns holding or waiting for a shared turn lock at once, at most. */
  private static final int MAX_SHARED_TURNS = 64;

  static {
    // The H2 server that AUTO_SERVER starts listens on every interface unless told otherwise; the
    // database is shared by the processes of this machine only. Read once, when H2 loads.
    if (System.getProperty(H2_BIND_ADDRESS) == null) {
      System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
    }
  }

  private JdbcCaseStore(HikariDataSource pool, StoreSettings settings, boolean serialiseSaves) {
    this.saveLocks = serialiseSaves ? newLocks(64) : null;
    this.onPostgres = !serialiseSaves;
    this.pool = pool;
    this.tx = new JdbcTransactions(pool, "case store (" + settings.displayUrl() + ")");
    this.settings = settings;
    this.copies = new FileCopies(settings.dataDir());
  }

  /**
   * Opens (creating or migrating) the store.
   *
   * @throws CaseStoreUnavailableException with a sentence naming the database (never its password)
   */
  public static JdbcCaseStore open(StoreSettings settings) {
    HikariDataSource pool = null;
    try {
      Files.createDirectories(settings.dataDir());
      pool = new HikariDataSource(poolConfig(settings));
      Schema.migrate(pool);
      boolean h2;
      try (Connection c = pool.getConnection()) {
        h2 = Schema.isH2(c);
      }
      return new JdbcCaseStore(pool, settings, h2);
    } catch (Exception e) {
      if (pool != null) {
        pool.close();
      }
      throw new CaseStoreUnavailableException(
          "Cannot open the case database at "
              + settings.displayUrl()
              + " (user '"
              + settings.user()
              + "'): "
              + (isH2InUse(e)
                  ? "another process has it open. Add ;AUTO_SERVER=TRUE to db.url in every process"
                      + " that shares it (the default database has it), or stop the other process"
                  : rootMessage(e)),
          e);
    }
  }

  private static HikariConfig poolConfig(StoreSettings s) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(s.jdbcUrl());
    cfg.setUsername(s.user());
    cfg.setPassword(s.password());
    cfg.setPoolName("regdoc-store");
    cfg.setMaximumPoolSize(10);
    cfg.setAutoCommit(true);
    cfg.setConnectionTimeout(10_000);
    cfg.setInitializationFailTimeout(1);
    return cfg;
  }

  private static boolean isH2InUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
        return true;
      }
    }
    return false;
  }

  /**
   * The driver's own words (its innermost SQLException), which name the problem better than the
   * socket error under it.
   */
  private static String rootMessage(Throwable e) {
    Throwable t = e;
    Throwable driver = null;
    while (true) {
      if (t instanceof SQLException) {
        driver = t;
      }
      if (t.getCause() == null || t.getCause() == t) {
        break;
      }
      t = t.getCause();
    }
    Throwable chosen = driver != null && driver.getMessage() != null ? driver : t;
    String m =
        chosen.getMessage() == null ? chosen.getClass().getSimpleName() : chosen.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  public StoreSettings settings() {
    return settings;
  }

  /** Whether the database answers now (within 2 s). */
  public boolean reachable() {
    try (Connection c = pool.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  // ---- cases ----

  @Override
  public CaseRecord newCase(String openedBy, Instant at) {
    return tx.run(
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO cases (version, opened_by, opened_at, updated_at, attributes_json,"
                      + " join_token) VALUES (1, ?, ?, ?, '{}', ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, openedBy);
            Sql.setInstant(ps, 2, at);
            Sql.setInstant(ps, 3, at);
            ps.setString(4, freshToken());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              id = keys.getLong(1);
            }
          }
          return new CaseRecord(
              id, 1, openedBy, at, at, null, null, null, null, null, null, null, Map.of(), null,
              Map.of());
        });
  }

  @Override
  public Optional<CaseRecord> findCase(long id) {
    return tx.run(
        c -> {
          List<CaseRecord> found =
              queryCases(c, "SELECT " + CASE_COLUMNS + " FROM cases WHERE id = ?", id);
          return found.stream().findFirst();
        });
  }

  @Override
  public Optional<String> joinToken(long caseId) {
    return tx.run(
        c -> {
          JdbcTransactions.update(
              c,
              "UPDATE cases SET join_token = ? WHERE id = ? AND join_token IS NULL",
              ps -> {
                ps.setString(1, freshToken());
                ps.setLong(2, caseId);
              });
          return JdbcTransactions.first(
              c,
              "SELECT join_token FROM cases WHERE id = ?",
              ps -> ps.setLong(1, caseId),
              rs -> rs.getString(1));
        });
  }

  private String freshToken() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Object[] newLocks(int n) {
    Object[] locks = new Object[n];
    for (int i = 0; i < n; i++) {
      locks[i] = new Object();
    }
    return locks;
  }

  @Override
  public CaseRecord save(CaseRecord r) {
    if (saveLocks == null) {
      return saveLocked(r);
    }
    synchronized (saveLocks[Math.floorMod(Long.hashCode(r.id()), saveLocks.length)]) {
      return saveLocked(r);
    }
  }

  private CaseRecord saveLocked(CaseRecord r) {
    return tx.run(
        c -> {
          lockAtVersion(c, r.id(), r.version());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE cases SET version = ?, opened_by = ?, opened_at = ?, updated_at = ?,"
                      + " device = ?, symptom = ?, protocol = ?, when_text = ?, cucm_version = ?,"
                      + " lang = ?, stage = ?, findings_json = ?, attributes_json = ? WHERE id = ?"
                      + " AND version = ?")) {
            int i = 1;
            ps.setLong(i++, r.version() + 1);
            ps.setString(i++, r.openedBy());
            Sql.setInstant(ps, i++, r.openedAt());
            Sql.setInstant(ps, i++, r.updatedAt());
            ps.setString(i++, r.device());
            ps.setString(i++, r.symptom());
            ps.setString(i++, r.protocol());
            ps.setString(i++, r.when());
            ps.setString(i++, r.cucmVersion());
            ps.setString(i++, r.lang());
            ps.setString(i++, r.stage());
            ps.setString(i++, r.findingsJson());
            ps.setString(i++, Sql.json(r.attributes()));
            ps.setLong(i++, r.id());
            ps.setLong(i, r.version());
            if (ps.executeUpdate() != 1) {
              throw new StaleCaseException(r.id(), r.version());
            }
          }
          replaceSteps(c, r.id(), r.steps());
          return r.withVersion(r.version() + 1);
        });
  }

  /**
   * Locks the case row and checks its version. An UPDATE ... WHERE version = ? alone is not enough:
   * H2 does not re-check the condition after waiting for a concurrent writer, so two saves of one
   * version would both pass.
   */
  private static void lockAtVersion(Connection c, long id, long expected) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT version FROM cases WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getLong(1) != expected) {
          throw new StaleCaseException(id, expected);
        }
      }
    }
  }

  private static void replaceSteps(Connection c, long caseId, Map<String, String> steps)
      throws SQLException {
    try (PreparedStatement del = c.prepareStatement("DELETE FROM case_steps WHERE case_id = ?")) {
      del.setLong(1, caseId);
      del.executeUpdate();
    }
    try (PreparedStatement ins =
        c.prepareStatement("INSERT INTO case_steps (case_id, step_id, state) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, String> e : steps.entrySet()) {
        ins.setLong(1, caseId);
        ins.setString(2, e.getKey());
        ins.setString(3, e.getValue());
        ins.addBatch();
      }
      ins.executeBatch();
    }
  }

  @Override
  public List<CaseRecord> recentCases(int limit) {
    return tx.run(
        c ->
            queryCases(
                c,
                "SELECT " + CASE_COLUMNS + " FROM cases ORDER BY updated_at DESC, id DESC LIMIT ?",
                limit));
  }

  private static List<CaseRecord> queryCases(Connection c, String sql, long param)
      throws SQLException {
    return JdbcTransactions.query(
        c, sql, ps -> ps.setLong(1, param), rs -> caseOf(rs, steps(c, rs.getLong("id"))));
  }

  private static CaseRecord caseOf(ResultSet rs, Map<String, String> steps) throws SQLException {
    return new CaseRecord(
        rs.getLong("id"),
        rs.getLong("version"),
        rs.getString("opened_by"),
        Sql.instant(rs, "opened_at"),
        Sql.instant(rs, "updated_at"),
        rs.getString("device"),
        rs.getString("symptom"),
        rs.getString("protocol"),
        rs.getString("when_text"),
        rs.getString("cucm_version"),
        rs.getString("lang"),
        rs.getString("stage"),
        steps,
        rs.getString("findings_json"),
        Sql.map(rs.getString("attributes_json")));
  }

  private static Map<String, String> steps(Connection c, long caseId) throws SQLException {
    Map<String, String> steps = new HashMap<>();
    for (Map.Entry<String, String> e :
        JdbcTransactions.query(
            c,
            "SELECT step_id, state FROM case_steps WHERE case_id = ?",
            ps -> ps.setLong(1, caseId),
            rs -> Map.entry(rs.getString(1), rs.getString(2)))) {
      steps.put(e.getKey(), e.getValue());
    }
    return steps;
  }

  // ---- conversations ----

  @Override
  public Optional<Long> caseOfConversation(String conversation) {
    return tx.run(
        c ->
            JdbcTransactions.first(
                c,
                "SELECT case_id FROM conversations WHERE conversation = ?",
                ps -> ps.setString(1, conversation),
                rs -> rs.getLong(1)));
  }

  @Override
  public void bindConversation(String conversation, long caseId) {
    upsert(
        "UPDATE conversations SET case_id = ? WHERE conversation = ?",
        "INSERT INTO conversations (case_id, conversation) VALUES (?, ?)",
        ps -> {
          ps.setLong(1, caseId);
          ps.setString(2, conversation);
        });
  }

  // ---- files ----

  @Override
  public StoredFile putFile(long caseId, String name, Path content, String uploadedBy, Instant at) {
    return recordUpload(caseId, name, () -> copies.store(content), uploadedBy, at);
  }

  @Override
  public StoredFile takeFile(
      long caseId, String name, Path content, String sha256, String uploadedBy, Instant at) {
    return recordUpload(caseId, name, () -> copies.adopt(content, sha256), uploadedBy, at);
  }

  /** Keeps the bytes as {@code keep} does, then records the upload of them to the case. */
  private StoredFile recordUpload(
      long caseId, String name, Supplier<FileCopies.Copied> keep, String uploadedBy, Instant at) {
    if (onPostgres) {
      FileCopies.Copied copy = keep.get();
      StoredFile f = uploadOf(caseId, name, copy, uploadedBy, at);
      retryingDuplicates(
          c -> {
            keepInDatabase(c, copy);
            insertUpload(c, f);
            return null;
          });
      return f;
    }
    // with purgeExpired, one at a time among all processes on this data directory, so that a purge
    // never deletes a copy being uploaded again
    return copies.exclusively(
        () -> {
          FileCopies.Copied copy = keep.get();
          StoredFile f = uploadOf(caseId, name, copy, uploadedBy, at);
          tx.run(
              c -> {
                insertUpload(c, f);
                return null;
              });
          return f;
        });
  }

  @Override
  public String keepContent(Path content) {
    if (!onPostgres) {
      return copies.exclusively(() -> copies.store(content)).sha256();
    }
    FileCopies.Copied copy = copies.store(content);
    retryingDuplicates(
        c -> {
          keepInDatabase(c, copy);
          return null;
        });
    return copy.sha256();
  }

  private StoredFile uploadOf(
      long caseId, String name, FileCopies.Copied copy, String uploadedBy, Instant at) {
    return new StoredFile(
        caseId,
        name,
        copy.sha256(),
        copy.size(),
        uploadedBy,
        at,
        at.plus(settings.fileRetention()),
        false);
  }

  private void keepInDatabase(Connection c, FileCopies.Copied copy) throws SQLException {
    Path local =
        copies
            .find(copy.sha256())
            .orElseThrow(() -> new IllegalStateException("the copy just made is gone"));
    try {
      DatabaseFiles.keep(c, copy.sha256(), copy.size(), local, clock.instant());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the copy " + local + ": " + e.getMessage(), e);
    }
  }

  private static void insertUpload(Connection c, StoredFile f) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO file_uploads (" + FILE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, f.caseId());
      ps.setString(2, f.name());
      ps.setString(3, f.sha256());
      ps.setLong(4, f.size());
      ps.setString(5, f.uploadedBy());
      Sql.setInstant(ps, 6, f.uploadedAt());
      Sql.setInstant(ps, 7, f.expiresAt());
      ps.setBoolean(8, false);
      ps.executeUpdate();
    }
  }

  @Override
  public List<StoredFile> files(long caseId) {
    return tx.run(
        c ->
            JdbcTransactions.query(
                c,
                "SELECT " + FILE_COLUMNS + " FROM file_uploads WHERE case_id = ? ORDER BY id",
                ps -> ps.setLong(1, caseId),
                rs ->
                    new StoredFile(
                        rs.getLong("case_id"),
                        rs.getString("name"),
                        rs.getString("sha256"),
                        rs.getLong("size_bytes"),
                        rs.getString("uploaded_by"),
                        Sql.instant(rs, "uploaded_at"),
                        Sql.instant(rs, "expires_at"),
                        rs.getBoolean("expired"))));
  }

  /**
   * On PostgreSQL the database decides whether the content is still kept (another instance may have
   * purged it); the copy in this data directory only saves fetching it again.
   */
  @Override
  public Optional<Path> content(String sha256) {
    if (!onPostgres) {
      return copies.find(sha256);
    }
    if (!tx.run(c -> DatabaseFiles.exists(c, sha256))) {
      if (copies.find(sha256).isPresent()) {
        copies.delete(sha256);
      }
      return Optional.empty();
    }
    return copies.findOrFetch(
        sha256,
        out -> {
          try {
            return tx.runOrThrow(
                c -> {
                  try {
                    return DatabaseFiles.copyOut(c, sha256, out);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
          } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
        });
  }

  /**
   * A copy goes only when every upload of its hash is past retention; those uploads are then marked
   * expired.
   */
  @Override
  public int purgeExpired(Instant now) {
    if (onPostgres) {
      return purgeInDatabase(now);
    }
    return copies.exclusively(
        () -> {
          int deleted = 0;
          for (String sha : dueContents(now)) {
            markExpired(sha);
            if (copies.delete(sha)) {
              deleted++;
            }
          }
          return deleted;
        });
  }

  /**
   * Each due content under its row lock, checked again under it: an upload of the same content that
   * committed meanwhile keeps it.
   */
  private int purgeInDatabase(Instant now) {
    int deleted = 0;
    for (String sha : dueContents(now)) {
      boolean gone =
          tx.run(
              c -> {
                if (!DatabaseFiles.lock(c, sha) || !dueContents(c, now).contains(sha)) {
                  return false;
                }
                markExpired(c, sha);
                DatabaseFiles.delete(c, sha);
                return true;
              });
      if (gone) {
        copies.delete(sha);
        deleted++;
      }
    }
    return deleted;
  }

  /**
   * Deletes, in batches, what no case needs once past {@code retention}: finished analysis jobs and
   * what they posted, chat event ids, bytes kept for jobs that no job or upload names any more, and
   * (when asked) old chat-page turns. One instance at a time among all on the store: a run that
   * finds another running returns a report saying it did not run.
   */
  public PurgeReport purgeFinished(RetentionSettings retention, Instant now) {
    return purgeFinished(retention, now, () -> {});
  }

  /** As above, calling {@code afterBatch} after each batch (tests: a second purger meanwhile). */
  PurgeReport purgeFinished(RetentionSettings retention, Instant now, Runnable afterBatch) {
    return new StorePurge(pool, copies, retention, afterBatch).run(now);
  }

  private List<String> dueContents(Instant now) {
    return tx.run(c -> dueContents(c, now));
  }

  private static List<String> dueContents(Connection c, Instant now) throws SQLException {
    return JdbcTransactions.query(
        c,
        "SELECT sha256 FROM file_uploads WHERE expired = FALSE"
            + " GROUP BY sha256 HAVING MAX(expires_at) <= ?",
        ps -> Sql.setInstant(ps, 1, now),
        rs -> rs.getString(1));
  }

  private static void markExpired(Connection c, String sha) throws SQLException {
    JdbcTransactions.update(
        c, "UPDATE file_uploads SET expired = TRUE WHERE sha256 = ?", ps -> ps.setString(1, sha));
  }

  // ---- chat events ----

  @Override
  public boolean firstDelivery(String key, Instant at) {
    return firstDelivery(key, null, at);
  }

  @Override
  public boolean firstDelivery(String key, String by, Instant at) {
    try {
      tx.runOrThrow(
          c ->
              JdbcTransactions.update(
                  c,
                  "INSERT INTO handled_events (event_key, handled_at, handled_by) VALUES (?, ?, ?)",
                  ps -> {
                    ps.setString(1, key);
                    Sql.setInstant(ps, 2, at);
                    ps.setString(3, by);
                  }));
      return true;
    } catch (SQLException e) {
      if (!Sql.isDuplicateKey(e)) {
        throw tx.failure(e);
      }
      return by != null && by.equals(handledBy(key));
    }
  }

  /** Who took the event key ("" when no one said). */
  private String handledBy(String key) {
    return tx.run(
        c ->
            JdbcTransactions.first(
                    c,
                    "SELECT handled_by FROM handled_events WHERE event_key = ?",
                    ps -> ps.setString(1, key),
                    rs -> Objects.toString(rs.getString(1), ""))
                .orElse(""));
  }

  private void markExpired(String sha) {
    tx.run(
        c -> {
          markExpired(c, sha);
          return null;
        });
  }

  // ---- messages and users ----

  @Override
  public void appendMessage(ChatMessage m) {
    tx.run(
        c ->
            JdbcTransactions.update(
                c,
                "INSERT INTO messages (case_id, conversation, author, from_bot, body, sent_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)",
                ps -> {
                  ps.setLong(1, m.caseId());
                  ps.setString(2, m.conversation());
                  ps.setString(3, m.author());
                  ps.setBoolean(4, m.fromBot());
                  ps.setString(5, m.text());
                  Sql.setInstant(ps, 6, m.at());
                }));
  }

  @Override
  public List<ChatMessage> messages(long caseId) {
    return tx.run(
        c ->
            JdbcTransactions.query(
                c,
                "SELECT case_id, conversation, author, from_bot, body, sent_at"
                    + " FROM messages WHERE case_id = ? ORDER BY id",
                ps -> ps.setLong(1, caseId),
                rs ->
                    new ChatMessage(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        Sql.instant(rs, "sent_at"))));
  }

  @Override
  public Optional<UserProfile> user(String userId) {
    return tx.run(
        c ->
            JdbcTransactions.first(
                c,
                "SELECT lang, learning_json, platform_lang FROM users WHERE user_id = ?",
                ps -> ps.setString(1, userId),
                rs ->
                    new UserProfile(
                        userId, rs.getString(1), Sql.map(rs.getString(2)), rs.getString(3))));
  }

  @Override
  public void saveUser(UserProfile p) {
    upsert(
        "UPDATE users SET lang = ?, learning_json = ?, platform_lang = ? WHERE user_id = ?",
        "INSERT INTO users (lang, learning_json, platform_lang, user_id) VALUES (?, ?, ?, ?)",
        ps -> {
          ps.setString(1, p.lang());
          ps.setString(2, Sql.json(p.learning()));
          ps.setString(3, p.platformLang());
          ps.setString(4, p.userId());
        });
  }

  // ---- learners' key points ----

  @Override
  public void recordPoints(String userId, String lesson, Map<String, Boolean> outcome, Instant at) {
    for (Map.Entry<String, Boolean> e : outcome.entrySet()) {
      int made = e.getValue() ? 1 : 0;
      upsert(
          "UPDATE lesson_points SET covered = covered + ?, missed = missed + ?, last_at = ?"
              + " WHERE user_id = ? AND lesson_id = ? AND point_id = ?",
          "INSERT INTO lesson_points (covered, missed, last_at, user_id, lesson_id, point_id)"
              + " VALUES (?, ?, ?, ?, ?, ?)",
          ps -> {
            ps.setInt(1, made);
            ps.setInt(2, 1 - made);
            Sql.setInstant(ps, 3, at);
            ps.setString(4, userId);
            ps.setString(5, lesson);
            ps.setString(6, e.getKey());
          });
    }
  }

  @Override
  public List<PointTally> pointTallies(String userId) {
    return tx.run(
        c ->
            JdbcTransactions.query(
                c,
                "SELECT lesson_id, point_id, covered, missed FROM lesson_points"
                    + " WHERE user_id = ? ORDER BY lesson_id, point_id",
                ps -> ps.setString(1, userId),
                rs ->
                    new PointTally(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4))));
  }

  @Override
  public List<String> usersNamed(String name) {
    return tx.run(
        c ->
            JdbcTransactions.query(
                c,
                "SELECT user_id FROM users WHERE user_id = ? OR user_id LIKE ? ESCAPE '!'"
                    + " ORDER BY user_id",
                ps -> {
                  ps.setString(1, name);
                  ps.setString(
                      2, "%:" + name.replace("!", "!!").replace("%", "!%").replace("_", "!_"));
                },
                rs -> rs.getString(1)));
  }

  /**
   * The queue of analyses the instances on a PostgreSQL store share; empty on H2, where the engine
   * analyses in the turn that received the files.
   */
  @Override
  public Optional<AnalysisJobs> jobs() {
    return onPostgres ? Optional.of(new JdbcAnalysisJobs(pool)) : Optional.empty();
  }

  /** The chat pages' turns, on H2 as on PostgreSQL. */
  @Override
  public Optional<ConversationTurns> conversationTurns() {
    return Optional.of(new JdbcConversationTurns(pool));
  }

  /** Advisory locks on PostgreSQL; on H2 the engine's in-process lock is the only one. */
  @Override
  public synchronized TurnLocks turnLocks() {
    if (!onPostgres) {
      return TurnLocks.NONE;
    }
    if (turnLocks == null) {
      turnLocks = new AdvisoryTurnLocks(settings, MAX_SHARED_TURNS);
    }
    return turnLocks;
  }

  @Override
  public synchronized void close() {
    if (turnLocks != null) {
      turnLocks.close();
    }
    pool.close();
  }

  // ---- plumbing ----

  /**
   * Update, else insert; a concurrent insert of the same key makes the next round take the update
   * path.
   */
  private void upsert(String update, String insert, JdbcTransactions.Binder binder) {
    for (int attempt = 0; ; attempt++) {
      try {
        tx.runOrThrow(
            c ->
                JdbcTransactions.update(c, update, binder) > 0
                    ? null
                    : JdbcTransactions.update(c, insert, binder));
        return;
      } catch (SQLException e) {
        if (!Sql.isDuplicateKey(e) || attempt >= 3) {
          throw tx.failure(e);
        }
      }
    }
  }

  /** In a transaction, again when a concurrent insert of the same key made it fail. */
  private <T> T retryingDuplicates(JdbcTransactions.Work<T> work) {
    for (int attempt = 0; ; attempt++) {
      try {
        return tx.runOrThrow(work);
      } catch (SQLException e) {
        if (!Sql.isDuplicateKey(e) || attempt >= 3) {
          throw tx.failure(e);
        }
      }
    }
  }
}
