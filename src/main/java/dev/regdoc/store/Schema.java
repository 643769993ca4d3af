package dev.regdoc.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Brings the database to the newest schema with plain versioned scripts
 * (db/regdoc-store/V&lt;n&gt;__*.sql).
 */
final class Schema {

  /** In order; a new version is appended, never edited. */
  private static final List<String> SCRIPTS = List.of("V1__cases.sql", "V2__case_join_token.sql");

  private Schema() {}

  static void migrate(Connection c) throws SQLException {
    String text =
        c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")
            ? "CLOB"
            : "TEXT";
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS regdoc_schema (version INT PRIMARY KEY)");
      c.commit();
      int current = currentVersion(st);
      for (int v = current + 1; v <= SCRIPTS.size(); v++) {
        for (String sql : statements(SCRIPTS.get(v - 1), text)) {
          st.execute(sql);
        }
        st.execute("INSERT INTO regdoc_schema (version) VALUES (" + v + ")");
        c.commit();
      }
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private static int currentVersion(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM regdoc_schema")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static List<String> statements(String script, String textType) {
    try (InputStream in = Schema.class.getResourceAsStream("/db/regdoc-store/" + script)) {
      if (in == null) {
        throw new IllegalStateException("schema script missing from the jar: " + script);
      }
      String sql =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${text}", textType);
      return Arrays.stream(sql.replaceAll("(?m)^--.*$", "").split(";"))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
