package dev.regdoc.store;

import dev.regdoc.conversation.store.AnalysisJobs;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The analysis jobs in the table analysis_jobs (PostgreSQL only). A claim picks the oldest
 * claimable row with {@code SELECT ... FOR UPDATE SKIP LOCKED}: instances claiming at once each
 * lock a different row instead of waiting on one another. A job waits while an earlier job of its
 * conversation is queued or running, so each conversation's turns run in the order they came,
 * whichever instances take them. Every lease is written and judged by the database's clock, never
 * an instance's: instances whose clocks disagree still agree on when a lease runs out.
 */
final class JdbcAnalysisJobs implements AnalysisJobs {
  static final String QUEUED = "queued";
  static final String RUNNING = "running";
  static final String DONE = "done";
  static final String FAILED = "failed";

  /** The database's time as the store keeps instants: epoch nanoseconds. */
  private static final String DB_NOW =
      "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000000 AS BIGINT)";

  private final JdbcTransactions tx;

  JdbcAnalysisJobs(DataSource db) {
    this.tx = new JdbcTransactions(db, "analysis jobs");
  }

  @Override
  public long enqueue(String conversation, String frontEnd, String payloadJson) {
    return insert(conversation, frontEnd, payloadJson, null).orElseThrow();
  }

  @Override
  public OptionalLong enqueueOnce(
      String conversation, String frontEnd, String payloadJson, String eventKey) {
    return insert(conversation, frontEnd, payloadJson, eventKey);
  }

  /** The new job's id; empty when {@code eventKey} has a job already (the unique index). */
  private OptionalLong insert(
      String conversation, String frontEnd, String payloadJson, String eventKey) {
    return tx.run(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO analysis_jobs (conversation, front_end, payload_json, state,"
                      + " attempts, enqueued_at, event_key) VALUES (?, ?, ?, ?, 0, "
                      + DB_NOW
                      + ", ?) ON CONFLICT DO NOTHING",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, conversation);
            ps.setString(2, frontEnd);
            ps.setString(3, payloadJson);
            ps.setString(4, QUEUED);
            ps.setString(5, eventKey);
            if (ps.executeUpdate() == 0) {
              return OptionalLong.empty();
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              return OptionalLong.of(keys.getLong(1));
            }
          }
        });
  }

  @Override
  public Optional<Job> claim(Set<String> frontEnds, String owner, Duration lease) {
    if (frontEnds.isEmpty()) {
      return Optional.empty();
    }
    String in = String.join(", ", Collections.nCopies(frontEnds.size(), "?"));
    return tx.run(
        c -> {
          Optional<Job> job =
              JdbcTransactions.first(
                  c,
                  "SELECT j.id, j.conversation, j.front_end, j.payload_json, j.attempts"
                      + " FROM analysis_jobs j WHERE (j.state = ? OR (j.state = ? AND j.lease_until"
                      + " < "
                      + DB_NOW
                      + ")) AND j.front_end IN ("
                      + in
                      + ") AND NOT EXISTS (SELECT 1 FROM analysis_jobs e WHERE e.conversation ="
                      + " j.conversation AND e.id < j.id AND e.state IN (?, ?))"
                      + " ORDER BY j.id LIMIT 1 FOR UPDATE OF j SKIP LOCKED",
                  ps -> {
                    int i = 1;
                    ps.setString(i++, QUEUED);
                    ps.setString(i++, RUNNING);
                    for (String f : frontEnds) {
                      ps.setString(i++, f);
                    }
                    ps.setString(i++, QUEUED);
                    ps.setString(i++, RUNNING);
                  },
                  rs ->
                      new Job(
                          rs.getLong(1),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getInt(5)));
          if (job.isPresent()) {
            JdbcTransactions.update(
                c,
                "UPDATE analysis_jobs SET state = ?, owner = ?, lease_until = "
                    + DB_NOW
                    + " + ?, attempts = attempts + 1 WHERE id = ?",
                ps -> {
                  ps.setString(1, RUNNING);
                  ps.setString(2, owner);
                  ps.setLong(3, lease.toNanos());
                  ps.setLong(4, job.get().id());
                });
          }
          return job;
        });
  }

  @Override
  public boolean renew(long id, String owner, Duration lease) {
    return update(
        "UPDATE analysis_jobs SET lease_until = "
            + DB_NOW
            + " + ? WHERE id = ? AND owner = ? AND state = ?",
        ps -> {
          ps.setLong(1, lease.toNanos());
          ps.setLong(2, id);
          ps.setString(3, owner);
          ps.setString(4, RUNNING);
        });
  }

  @Override
  public boolean finish(long id, String owner, boolean ok) {
    return update(
        "UPDATE analysis_jobs SET state = ?, finished_at = "
            + DB_NOW
            + ", lease_until = NULL WHERE id = ? AND owner = ? AND state = ?",
        ps -> {
          ps.setString(1, ok ? DONE : FAILED);
          ps.setLong(2, id);
          ps.setString(3, owner);
          ps.setString(4, RUNNING);
        });
  }

  @Override
  public boolean release(long id, String owner) {
    return update(
        "UPDATE analysis_jobs SET state = ?, owner = NULL, lease_until = NULL,"
            + " attempts = attempts - 1 WHERE id = ? AND owner = ? AND state = ?",
        ps -> {
          ps.setString(1, QUEUED);
          ps.setLong(2, id);
          ps.setString(3, owner);
          ps.setString(4, RUNNING);
        });
  }

  @Override
  public boolean answer(long id, String owner, String json) {
    return update(
        "UPDATE analysis_jobs SET answer_json = ? WHERE id = ? AND owner = ? AND state = ?",
        ps -> {
          ps.setString(1, json);
          ps.setLong(2, id);
          ps.setString(3, owner);
          ps.setString(4, RUNNING);
        });
  }

  @Override
  public Optional<Answer> answerOf(long id) {
    return tx.run(
        c ->
            JdbcTransactions.first(
                c,
                "SELECT id, state, answer_json FROM analysis_jobs WHERE id = ?",
                ps -> ps.setLong(1, id),
                JdbcAnalysisJobs::answerRow));
  }

  @Override
  public List<Answer> answersOf(String conversation) {
    return tx.run(
        c ->
            JdbcTransactions.query(
                c,
                "SELECT id, state, answer_json FROM analysis_jobs WHERE conversation = ?"
                    + " ORDER BY id",
                ps -> ps.setString(1, conversation),
                JdbcAnalysisJobs::answerRow));
  }

  private static Answer answerRow(ResultSet rs) throws SQLException {
    return new Answer(rs.getLong(1), rs.getString(2), rs.getString(3));
  }

  @Override
  public Optional<String> posted(long id, String item) {
    return tx.run(
        c ->
            JdbcTransactions.first(
                c,
                "SELECT posted FROM job_posts WHERE job_id = ? AND item = ?",
                ps -> {
                  ps.setLong(1, id);
                  ps.setString(2, item);
                },
                rs -> rs.getString(1)));
  }

  @Override
  public void recordPost(long id, String item, String posted) {
    tx.run(
        c ->
            JdbcTransactions.update(
                c,
                "INSERT INTO job_posts (job_id, item, posted) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING",
                ps -> {
                  ps.setLong(1, id);
                  ps.setString(2, item);
                  ps.setString(3, posted);
                }));
  }

  @Override
  public Map<String, Long> countByState() {
    return tx.run(
        c -> {
          Map<String, Long> out = new TreeMap<>();
          for (Map.Entry<String, Long> e :
              JdbcTransactions.query(
                  c,
                  "SELECT state, COUNT(*) FROM analysis_jobs GROUP BY state",
                  JdbcTransactions.NONE,
                  rs -> Map.entry(rs.getString(1), rs.getLong(2)))) {
            out.put(e.getKey(), e.getValue());
          }
          return out;
        });
  }

  private boolean update(String sql, JdbcTransactions.Binder binder) {
    return tx.run(c -> JdbcTransactions.update(c, sql, binder) == 1);
  }
}
