package dev.regdoc.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The uploaded bytes in the database, one copy per SHA-256, in chunks of {@link #CHUNK} bytes: a
 * file goes in and comes out one chunk at a time, so memory stays bounded however large it is, and
 * every instance on the database reads what any one of them received. The methods run inside the
 * caller's transaction.
 */
final class DatabaseFiles {
  static final int CHUNK = 256 * 1024;

  private DatabaseFiles() {}

  /**
   * Locks the content row of {@code sha256} for this transaction; false when there is none. A purge
   * and an upload of the same content take this lock, so a purge never deletes bytes an upload just
   * counted on.
   */
  static boolean lock(Connection c, String sha256) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT chunks FROM file_contents WHERE sha256 = ? FOR UPDATE")) {
      ps.setString(1, sha256);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Stores {@code file} (whose hash and size the caller computed) unless its content is there, and
   * notes {@code at} as when it was last kept (the purge leaves bytes kept lately alone); a
   * concurrent insert of the same content ends in a duplicate key, which the caller retries.
   */
  static void keep(Connection c, String sha256, long size, Path file, Instant at)
      throws SQLException, IOException {
    if (lock(c, sha256)) {
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE file_contents SET kept_at = ? WHERE sha256 = ?")) {
        Sql.setInstant(ps, 1, at);
        ps.setString(2, sha256);
        ps.executeUpdate();
      }
      return;
    }
    int chunks = (int) ((size + CHUNK - 1) / CHUNK);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO file_contents (sha256, size_bytes, chunks, kept_at) VALUES (?, ?, ?,"
                + " ?)")) {
      ps.setString(1, sha256);
      ps.setLong(2, size);
      ps.setInt(3, chunks);
      Sql.setInstant(ps, 4, at);
      ps.executeUpdate();
    }
    byte[] buf = new byte[CHUNK];
    try (InputStream in = Files.newInputStream(file);
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO file_chunks (sha256, seq, bytes) VALUES (?, ?, ?)")) {
      for (int seq = 0; seq < chunks; seq++) {
        int n = in.readNBytes(buf, 0, CHUNK);
        ps.setString(1, sha256);
        ps.setInt(2, seq);
        ps.setBytes(3, n == CHUNK ? buf : Arrays.copyOf(buf, n));
        ps.executeUpdate(); // one at a time: a batch would hold every chunk at once
      }
    }
  }

  /** Writes the stored content to {@code out}; false when there is none. */
  static boolean copyOut(Connection c, String sha256, OutputStream out)
      throws SQLException, IOException {
    int chunks;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT chunks FROM file_contents WHERE sha256 = ?")) {
      ps.setString(1, sha256);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        chunks = rs.getInt(1);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT bytes FROM file_chunks WHERE sha256 = ? AND seq = ?")) {
      for (int seq = 0; seq < chunks; seq++) {
        ps.setString(1, sha256);
        ps.setInt(2, seq);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new SQLException("chunk " + seq + " of " + sha256 + " is missing");
          }
          out.write(rs.getBytes(1));
        }
      }
    }
    return true;
  }

  static boolean exists(Connection c, String sha256) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM file_contents WHERE sha256 = ?")) {
      ps.setString(1, sha256);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static void delete(Connection c, String sha256) throws SQLException {
    for (String sql :
        new String[] {
          "DELETE FROM file_chunks WHERE sha256 = ?", "DELETE FROM file_contents WHERE sha256 = ?"
        }) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, sha256);
        ps.executeUpdate();
      }
    }
  }
}
