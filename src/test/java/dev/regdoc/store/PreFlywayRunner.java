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
 * The schema runner regdoc used before Flyway, kept as it was so that tests can make a database
 * exactly as an installed regdoc left it: a table {@code regdoc_schema (version INT PRIMARY KEY)}
 * with one row per applied script, each script split on ';' with ${text} replaced by hand.
 */
final class PreFlywayRunner {

  /** The scripts the old runner knew, in order. */
  static final List<String> SCRIPTS = List.of("V1__cases.sql", "V2__case_join_token.sql");

  private PreFlywayRunner() {}

  /** Applies the first {@code upTo} scripts as the old runner did. */
  static void migrate(Connection c, int upTo) throws SQLException {
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
      for (int v = current + 1; v <= upTo; v++) {
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
    try (InputStream in = PreFlywayRunner.class.getResourceAsStream("/db/regdoc-store/" + script)) {
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
