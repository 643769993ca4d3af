package dev.regdoc.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings the database to the newest schema with Flyway's versioned scripts
 * (db/regdoc-store/V&lt;n&gt;__*.sql; a new version is appended, never edited: Flyway checks their
 * checksums). ${text} in a script is the dialect's unbounded text type, ${bytes} its binary type.
 *
 * <p>Databases made before Flyway kept their version in a table {@code regdoc_schema (version)}.
 * Such a database is baselined at that version, so only the later scripts run on it (the first of
 * them drops the old table).
 */
final class Schema {

  static final String HISTORY_TABLE = "regdoc_schema_history";
  private static final String PRE_FLYWAY_TABLE = "regdoc_schema";

  private Schema() {}

  static void migrate(DataSource db) throws SQLException {
    FluentConfiguration flyway =
        Flyway.configure()
            .dataSource(db)
            .locations("classpath:db/regdoc-store")
            .failOnMissingLocations(true)
            .table(HISTORY_TABLE);
    try (Connection c = db.getConnection()) {
      boolean h2 = isH2(c);
      flyway.placeholders(Map.of("text", h2 ? "CLOB" : "TEXT", "bytes", h2 ? "BLOB" : "BYTEA"));
      OptionalInt before = preFlywayVersion(c);
      if (before.isEmpty() && !hasTable(c, HISTORY_TABLE) && hasTable(c, "%")) {
        // Flyway's own words here would tell the user to call its API
        throw new IllegalStateException(
            "it has tables but no regdoc schema history: it is not a regdoc case database");
      }
      if (before.isPresent()) {
        flyway
            .baselineOnMigrate(true)
            .baselineVersion(Integer.toString(before.getAsInt()))
            .baselineDescription("regdoc_schema version " + before.getAsInt() + ", before Flyway");
      }
    }
    flyway.load().migrate();
  }

  static boolean isH2(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
  }

  /**
   * The version in the table of the runner before Flyway, when the current schema has that table
   * and not yet Flyway's history.
   */
  private static OptionalInt preFlywayVersion(Connection c) throws SQLException {
    if (hasTable(c, HISTORY_TABLE) || !hasTable(c, PRE_FLYWAY_TABLE)) {
      return OptionalInt.empty();
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(version) FROM " + PRE_FLYWAY_TABLE)) {
      rs.next();
      return OptionalInt.of(rs.getInt(1));
    }
  }

  /**
   * Whether the connection's current schema has the table (either case: H2 folds to upper); "%" for
   * any table.
   */
  private static boolean hasTable(Connection c, String name) throws SQLException {
    for (String n : new String[] {name, name.toUpperCase(Locale.ROOT)}) {
      try (ResultSet rs =
          c.getMetaData().getTables(c.getCatalog(), c.getSchema(), n, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
