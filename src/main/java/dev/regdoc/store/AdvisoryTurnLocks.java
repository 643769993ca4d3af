package dev.regdoc.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.regdoc.conversation.store.TurnLocks;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Turn locks among every instance on one PostgreSQL database: a session-level advisory lock per
 * conversation (its key the first 8 bytes of the conversation's SHA-256), held on a connection of
 * its own pool for as long as the turn runs. PostgreSQL lets go of it when the session ends, so an
 * instance that dies holds no conversation. Waiters of this instance queue on the engine's
 * in-process lock first, so each conversation takes at most one connection here.
 */
final class AdvisoryTurnLocks implements TurnLocks, AutoCloseable {
  private final HikariDataSource pool;

  AdvisoryTurnLocks(StoreSettings s, int maxHeld) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(s.jdbcUrl());
    cfg.setUsername(s.user());
    cfg.setPassword(s.password());
    cfg.setPoolName("regdoc-turn-locks");
    cfg.setMaximumPoolSize(maxHeld);
    cfg.setMinimumIdle(0);
    cfg.setAutoCommit(true);
    // a turn waits for a free connection as it would wait for the lock itself
    cfg.setConnectionTimeout(600_000);
    this.pool = new HikariDataSource(cfg);
  }

  @Override
  public Held hold(String conversation) {
    long key = keyOf(conversation);
    Connection c = null;
    try {
      c = pool.getConnection();
      call(c, "SELECT pg_advisory_lock(?)", key);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new IllegalStateException("cannot lock the turn of " + conversation + ": " + e, e);
    }
    Connection held = c;
    return () -> {
      try {
        call(held, "SELECT pg_advisory_unlock(?)", key);
        held.close();
      } catch (SQLException e) {
        // the session may be gone, and its locks with it; never hand this connection out again
        pool.evictConnection(held);
      }
    };
  }

  static long keyOf(String conversation) {
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-256")
              .digest(("regdoc-turn:" + conversation).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(sha).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void call(Connection c, String sql, long key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, key);
      ps.executeQuery().close();
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // nothing held on it yet
      }
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
