package dev.regdoc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that cannot be opened gives one clear sentence naming it, and never the password. */
class CaseStoreUnavailableTest {

  private static final String SECRET = "hunter2-very-secret";

  @TempDir Path dataDir;

  @Test
  void nothingListeningNamesTheUrlAndUserButNotThePassword() {
    String url = "jdbc:postgresql://127.0.0.1:1/x";
    StoreSettings s = StoreSettings.defaults(dataDir).withDatabase(url, "regdoc", SECRET);
    assertThatThrownBy(() -> JdbcCaseStore.open(s))
        .isInstanceOf(CaseStoreUnavailableException.class)
        .hasMessageStartingWith("Cannot open the case database at " + url + " (user 'regdoc'): ")
        .hasMessageContaining("Connection to 127.0.0.1:1 refused")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void aPasswordInsideTheUrlIsMaskedInTheMessage() {
    String url = "jdbc:postgresql://127.0.0.1:1/x?user=regdoc&password=" + SECRET + "&ssl=false";
    StoreSettings s = StoreSettings.defaults(dataDir).withDatabase(url, "regdoc", SECRET);
    assertThatThrownBy(() -> JdbcCaseStore.open(s))
        .isInstanceOf(CaseStoreUnavailableException.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/x?user=regdoc&password=***&ssl=false")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void theDriversOwnWordsDoNotRepeatAPartOfThePassword() {
    // H2 reads ";hunter2-very-secret" as a setting of its own and names it in its error
    String url = "jdbc:h2:mem:unavailable;PASSWORD=abc;" + SECRET;
    StoreSettings s = StoreSettings.defaults(dataDir).withDatabase(url, "regdoc", "");
    assertThatThrownBy(() -> JdbcCaseStore.open(s))
        .isInstanceOf(CaseStoreUnavailableException.class)
        .hasMessageContaining("jdbc:h2:mem:unavailable;PASSWORD=***")
        .satisfies(e -> assertThat(e.getMessage().toLowerCase(Locale.ROOT)).doesNotContain(SECRET));
  }

  @Test
  void anH2DatabaseUnderAFileNamesThePath() throws Exception {
    Path notADir = Files.writeString(dataDir.resolve("plain-file"), "not a directory");
    StoreSettings s = StoreSettings.defaults(notADir.resolve("store"));
    assertThatThrownBy(() -> JdbcCaseStore.open(s))
        .isInstanceOf(CaseStoreUnavailableException.class)
        .hasMessageContaining(
            "Cannot open the case database at jdbc:h2:file:" + notADir.resolve("store"));
  }

  @Test
  void aDatabaseOfAnotherProgramIsNamedAndLeftAlone() throws Exception {
    StoreSettings s = StoreSettings.defaults(dataDir);
    try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE invoices (id INT PRIMARY KEY)");
    }
    assertThatThrownBy(() -> JdbcCaseStore.open(s))
        .isInstanceOf(CaseStoreUnavailableException.class)
        .hasMessageStartingWith("Cannot open the case database at jdbc:h2:file:")
        .hasMessageEndingWith(
            "it has tables but no regdoc schema history: it is not a regdoc case database");
    try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
        ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", null)) {
      List<String> tables = new ArrayList<>();
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
      assertThat(tables).containsExactly("INVOICES");
    }
  }
}
