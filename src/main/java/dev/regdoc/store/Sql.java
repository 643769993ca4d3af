package dev.regdoc.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Column conversions shared by the store: instants as epoch nanoseconds, string maps as JSON text.
 */
final class Sql {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {};

  private Sql() {}

  static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
    if (t == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(
          i, Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano()));
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long nanos = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochSecond(0, nanos);
  }

  static String json(Map<String, String> map) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(map));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> map(String json) {
    try {
      return JSON.readValue(json, STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored map is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Unique-key violation (the same SQLSTATE on H2 and PostgreSQL). */
  static boolean isDuplicateKey(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}
