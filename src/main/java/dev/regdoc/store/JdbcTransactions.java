package dev.regdoc.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The store's JDBC plumbing in one place: a transaction per call on the pool, and a statement
 * bound, run and read in one line, so each query is only its SQL, its parameters and its row.
 */
final class JdbcTransactions {

  /** Work done on one connection inside a transaction. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Sets a statement's parameters. */
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Reads the current row. */
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  static final Binder NONE = ps -> {};

  private final DataSource db;
  private final String what;

  /**
   * @param what names the store in error messages (never a password)
   */
  JdbcTransactions(DataSource db, String what) {
    this.db = db;
    this.what = what;
  }

  /** Runs {@code work} in a transaction; a database error becomes an IllegalStateException. */
  <T> T run(Work<T> work) {
    try {
      return runOrThrow(work);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Runs {@code work} in a transaction, rolled back when it throws. */
  <T> T runOrThrow(Work<T> work) throws SQLException {
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
    }
  }

  IllegalStateException failure(SQLException e) {
    return new IllegalStateException(what + ": " + e.getMessage(), e);
  }

  /** Rows changed by one statement. */
  static int update(Connection c, String sql, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    }
  }

  /** Every row of a query. */
  static <T> List<T> query(Connection c, String sql, Binder binder, Row<T> row)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.read(rs));
        }
        return out;
      }
    }
  }

  /** The first row of a query, if any. */
  static <T> Optional<T> first(Connection c, String sql, Binder binder, Row<T> row)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
      }
    }
  }
}
