package dev.regdoc.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * One run of the periodic purge (see {@link JdbcCaseStore#purgeFinished}). It holds the row of
 * store_purges locked for as long as it runs, on a connection of its own: an instance that finds
 * the row locked ({@code SKIP LOCKED}, the same on H2 and PostgreSQL) does not run, so one instance
 * at a time purges, and a purge of an instance that dies lets go with its session. The deletions
 * themselves run on other connections, each batch of at most {@code batchRows} rows in a
 * transaction of its own, so that no statement holds many locks or runs long.
 */
final class StorePurge {
  static final String JOBS = "analysis_jobs";
  static final String POSTS = "job_posts";
  static final String EVENTS = "handled_events";
  static final String TURNS = "conversation_turns";
  static final String CONTENTS = "file_contents";

  /** A job in one of these states is someone's still: never purged, nor what it needs. */
  private static final String UNFINISHED =
      "('" + JdbcAnalysisJobs.QUEUED + "', '" + JdbcAnalysisJobs.RUNNING + "')";

  private static final String FINISHED =
      "('" + JdbcAnalysisJobs.DONE + "', '" + JdbcAnalysisJobs.FAILED + "')";

  private final DataSource db;
  private final JdbcTransactions tx;
  private final FileCopies copies;
  private final RetentionSettings settings;
  private final Runnable afterBatch;
  private final Map<String, Long> deleted = new TreeMap<>();
  private final Map<String, Integer> batches = new TreeMap<>();

  StorePurge(DataSource db, FileCopies copies, RetentionSettings settings, Runnable afterBatch) {
    this.db = db;
    this.tx = new JdbcTransactions(db, "store purge");
    this.copies = copies;
    this.settings = settings;
    this.afterBatch = afterBatch;
  }

  PurgeReport run(Instant now) {
    try (Connection lock = db.getConnection()) {
      lock.setAutoCommit(false);
      try {
        if (JdbcTransactions.first(
                lock,
                "SELECT id FROM store_purges WHERE id = 1 FOR UPDATE SKIP LOCKED",
                JdbcTransactions.NONE,
                rs -> true)
            .isEmpty()) {
          lock.rollback();
          return PurgeReport.skipped();
        }
        purgeJobs(now);
        purgeEvents(now);
        if (!settings.webHistory().isZero()) {
          purgeTurns(now);
        }
        purgeUnnamedContents(now);
        JdbcTransactions.update(
            lock,
            "UPDATE store_purges SET last_run_at = ? WHERE id = 1",
            ps -> Sql.setInstant(ps, 1, now));
        lock.commit();
        return new PurgeReport(true, deleted, batches);
      } catch (SQLException | RuntimeException e) {
        lock.rollback();
        throw e;
      } finally {
        lock.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw tx.failure(e);
    }
  }

  /**
   * Finished jobs (done or failed, no live lease) that finished before the retention, with what
   * they posted: a batch of jobs, then their posts and them in one transaction.
   */
  private void purgeJobs(Instant now) {
    Instant cutoff = now.minus(settings.finishedJobs());
    while (true) {
      int n =
          tx.run(
              c -> {
                List<Long> ids =
                    JdbcTransactions.query(
                        c,
                        "SELECT id FROM analysis_jobs WHERE state IN "
                            + FINISHED
                            + " AND finished_at < ? AND (lease_until IS NULL OR lease_until < ?)"
                            + " ORDER BY id LIMIT ?",
                        ps -> {
                          Sql.setInstant(ps, 1, cutoff);
                          Sql.setInstant(ps, 2, now);
                          ps.setInt(3, settings.batchRows());
                        },
                        rs -> rs.getLong(1));
                if (ids.isEmpty()) {
                  return 0;
                }
                String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
                JdbcTransactions.Binder bindIds =
                    ps -> {
                      for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 1, ids.get(i));
                      }
                    };
                int posts =
                    JdbcTransactions.update(
                        c, "DELETE FROM job_posts WHERE job_id IN (" + in + ")", bindIds);
                if (posts > 0) {
                  count(POSTS, posts);
                  batches.merge(POSTS, 1, Integer::sum);
                }
                return JdbcTransactions.update(
                    c,
                    "DELETE FROM analysis_jobs WHERE id IN (" + in + ") AND state IN " + FINISHED,
                    bindIds);
              });
      if (!batchDone(JOBS, n)) {
        return;
      }
    }
  }

  /**
   * Event ids handled before their retention (never inside the platforms' retry window), but not
   * one a queued or running turn took: that turn, taken over, must find its own choice again.
   */
  private void purgeEvents(Instant now) {
    Instant cutoff = now.minus(settings.events());
    deleteInBatches(
        EVENTS,
        "DELETE FROM handled_events WHERE event_key IN (SELECT h.event_key FROM handled_events h"
            + " WHERE h.handled_at < ? AND NOT EXISTS (SELECT 1 FROM analysis_jobs j"
            + " WHERE j.event_key = h.handled_by AND j.state IN "
            + UNFINISHED
            + ") ORDER BY h.handled_at LIMIT ?)",
        cutoff);
  }

  /** Chat-page turns said before their retention, but not those of a job not yet answered. */
  private void purgeTurns(Instant now) {
    Instant cutoff = now.minus(settings.webHistory());
    deleteInBatches(
        TURNS,
        "DELETE FROM conversation_turns WHERE id IN (SELECT t.id FROM conversation_turns t"
            + " WHERE t.said_at < ? AND NOT EXISTS (SELECT 1 FROM analysis_jobs j"
            + " WHERE j.id = t.job_id AND j.state IN "
            + UNFINISHED
            + ") ORDER BY t.id LIMIT ?)",
        cutoff);
  }

  /**
   * Bytes kept for queued jobs that no upload recorded and no job (of any state, until it is purged
   * itself) names any more, kept before the retention. Each under its content row's lock, checked
   * again under it: bytes kept again meanwhile for a new job stay.
   */
  private void purgeUnnamedContents(Instant now) {
    Instant cutoff = now.minus(settings.finishedJobs());
    String unnamed =
        "SELECT f.sha256 FROM file_contents f WHERE f.kept_at < ?"
            + " AND NOT EXISTS (SELECT 1 FROM file_uploads u WHERE u.sha256 = f.sha256)"
            + " AND NOT EXISTS (SELECT 1 FROM analysis_jobs j"
            + " WHERE j.payload_json LIKE CONCAT('%', f.sha256, '%'))";
    String from = "";
    while (true) {
      String last = from;
      List<String> due =
          tx.run(
              c ->
                  JdbcTransactions.query(
                      c,
                      unnamed + " AND f.sha256 > ? ORDER BY f.sha256 LIMIT ?",
                      ps -> {
                        Sql.setInstant(ps, 1, cutoff);
                        ps.setString(2, last);
                        ps.setInt(3, settings.batchRows());
                      },
                      rs -> rs.getString(1)));
      int gone = 0;
      for (String sha : due) {
        boolean deletedHere =
            tx.run(
                c -> {
                  if (!DatabaseFiles.lock(c, sha)
                      || JdbcTransactions.first(
                              c,
                              unnamed + " AND f.sha256 = ?",
                              ps -> {
                                Sql.setInstant(ps, 1, cutoff);
                                ps.setString(2, sha);
                              },
                              rs -> true)
                          .isEmpty()) {
                    return false;
                  }
                  DatabaseFiles.delete(c, sha);
                  return true;
                });
        if (deletedHere) {
          copies.delete(sha);
          gone++;
        }
      }
      if (gone > 0) {
        count(CONTENTS, gone);
        batches.merge(CONTENTS, 1, Integer::sum);
        afterBatch.run();
      }
      if (due.size() < settings.batchRows()) {
        return;
      }
      from = due.get(due.size() - 1);
    }
  }

  /** Runs {@code sql} (a cutoff, then the batch size) until a batch deletes fewer rows. */
  private void deleteInBatches(String table, String sql, Instant cutoff) {
    while (true) {
      int n =
          tx.run(
              c ->
                  JdbcTransactions.update(
                      c,
                      sql,
                      ps -> {
                        Sql.setInstant(ps, 1, cutoff);
                        ps.setInt(2, settings.batchRows());
                      }));
      if (!batchDone(table, n)) {
        return;
      }
    }
  }

  /** Counts a batch; whether another may follow (this one was full). */
  private boolean batchDone(String table, int n) {
    if (n > 0) {
      count(table, n);
      batches.merge(table, 1, Integer::sum);
      afterBatch.run();
    }
    return n >= settings.batchRows();
  }

  private void count(String table, long n) {
    if (n > 0) {
      deleted.merge(table, n, Long::sum);
    }
  }
}
