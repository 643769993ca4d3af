package dev.regdoc.store;

import dev.regdoc.conversation.store.AnalysisJobs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The analysis jobs in the table analysis_jobs. A claim picks the oldest claimable row with {@code
 * SELECT ... FOR UPDATE SKIP LOCKED}: instances claiming at once each lock a different row instead
 * of waiting on one another.
 */
final class JdbcAnalysisJobs implements AnalysisJobs {
  static final String QUEUED = "queued";
  static final String RUNNING = "running";

  private final DataSource db;

  JdbcAnalysisJobs(DataSource db) {
    this.db = db;
  }

  @Override
  public long enqueue(String conversation, String frontEnd, String payloadJson, Instant at) {
    return inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO analysis_jobs (conversation, front_end, payload_json, state,"
                      + " attempts, enqueued_at) VALUES (?, ?, ?, ?, 0, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, conversation);
            ps.setString(2, frontEnd);
            ps.setString(3, payloadJson);
            ps.setString(4, QUEUED);
            Sql.setInstant(ps, 5, at);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              return keys.getLong(1);
            }
          }
        });
  }

  @Override
  public Optional<Job> claim(Set<String> frontEnds, String owner, Instant now, Duration lease) {
    if (frontEnds.isEmpty()) {
      return Optional.empty();
    }
    String in = String.join(", ", Collections.nCopies(frontEnds.size(), "?"));
    return inTransaction(
        c -> {
          Job job;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, conversation, front_end, payload_json, attempts FROM analysis_jobs"
                      + " WHERE (state = ? OR (state = ? AND lease_until < ?)) AND front_end IN ("
                      + in
                      + ") ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
            int i = 1;
            ps.setString(i++, QUEUED);
            ps.setString(i++, RUNNING);
            Sql.setInstant(ps, i++, now);
            for (String f : frontEnds) {
              ps.setString(i++, f);
            }
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Job>empty();
              }
              job =
                  new Job(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getInt(5));
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE analysis_jobs SET state = ?, owner = ?, lease_until = ?,"
                      + " attempts = attempts + 1 WHERE id = ?")) {
            ps.setString(1, RUNNING);
            ps.setString(2, owner);
            Sql.setInstant(ps, 3, now.plus(lease));
            ps.setLong(4, job.id());
            ps.executeUpdate();
          }
          return Optional.of(job);
        });
  }

  @Override
  public boolean renew(long id, String owner, Instant now, Duration lease) {
    return update(
        "UPDATE analysis_jobs SET lease_until = ? WHERE id = ? AND owner = ? AND state = ?",
        ps -> {
          Sql.setInstant(ps, 1, now.plus(lease));
          ps.setLong(2, id);
          ps.setString(3, owner);
          ps.setString(4, RUNNING);
        });
  }

  @Override
  public boolean finish(long id, String owner, boolean ok, Instant at) {
    return update(
        "UPDATE analysis_jobs SET state = ?, finished_at = ?, lease_until = NULL"
            + " WHERE id = ? AND owner = ? AND state = ?",
        ps -> {
          ps.setString(1, ok ? "done" : "failed");
          Sql.setInstant(ps, 2, at);
          ps.setLong(3, id);
          ps.setString(4, owner);
          ps.setString(5, RUNNING);
        });
  }

  @Override
  public Map<String, Long> countByState() {
    return inTransaction(
        c -> {
          Map<String, Long> out = new TreeMap<>();
          try (Statement st = c.createStatement();
              ResultSet rs =
                  st.executeQuery("SELECT state, COUNT(*) FROM analysis_jobs GROUP BY state")) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getLong(2));
            }
          }
          return out;
        });
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private boolean update(String sql, Binder binder) {
    return inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate() == 1;
          }
        });
  }

  private <T> T inTransaction(Work<T> work) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("analysis jobs: " + e.getMessage(), e);
    }
  }
}
