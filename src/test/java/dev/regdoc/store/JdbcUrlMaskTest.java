package dev.regdoc.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A database URL shown in a message or a log keeps its shape and loses every secret value it
 * carries.
 */
class JdbcUrlMaskTest {

  private static String shown(String url) {
    return StoreSettings.defaults(Path.of("data")).withDatabase(url, "regdoc", "").displayUrl();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // H2 settings after ';', a value that itself holds ';'
        "jdbc:h2:tcp://db.example/~/regdoc;PASSWORD=x;y;WRITE_DELAY=0"
            + "|jdbc:h2:tcp://db.example/~/regdoc;PASSWORD=***;WRITE_DELAY=0",
        "jdbc:h2:file:/srv/regdoc;CIPHER=AES;FILE_PASSWORD=s3cr3t"
            + "|jdbc:h2:file:/srv/regdoc;CIPHER=AES;FILE_PASSWORD=***",
        // PostgreSQL query: ';' is part of the value, keys may be percent-encoded or mixed case
        "jdbc:postgresql://db.example/x?user=regdoc&password=x;y&ssl=true"
            + "|jdbc:postgresql://db.example/x?user=regdoc&password=***&ssl=true",
        "jdbc:postgresql://db.example/x?pass%77ord=hunter2&ssl=true"
            + "|jdbc:postgresql://db.example/x?pass%77ord=***&ssl=true",
        "jdbc:postgresql://db.example/x?%70%61%73%73%77%6f%72%64=hunter2"
            + "|jdbc:postgresql://db.example/x?%70%61%73%73%77%6f%72%64=***",
        "jdbc:postgresql://db.example/x?PassWord=hunter2"
            + "|jdbc:postgresql://db.example/x?PassWord=***",
        "jdbc:postgresql://db.example/x?sslpassword=hunter2&sslkey=/k.pem"
            + "|jdbc:postgresql://db.example/x?sslpassword=***&sslkey=***",
        "jdbc:mysql://db.example/x?pwd=hunter2&authToken=abc&clientSecret=def&passwd=ghi"
            + "|jdbc:mysql://db.example/x?pwd=***&authToken=***&clientSecret=***&passwd=***",
        "jdbc:postgresql://db.example/x?password=a=b=c&user=u"
            + "|jdbc:postgresql://db.example/x?password=***&user=u",
        "jdbc:postgresql://db.example/x?password" + "|jdbc:postgresql://db.example/x?password",
        // user:password@ before the host, also when the password holds '@' or ':'
        "jdbc:postgresql://regdoc:hunter2@db.example:5432/x"
            + "|jdbc:postgresql://regdoc:***@db.example:5432/x",
        "jdbc:postgresql://regdoc:hu@nt:er2@db.example/x?ssl=true"
            + "|jdbc:postgresql://regdoc:***@db.example/x?ssl=true",
        // SQL Server style: ';' settings after the host
        "jdbc:sqlserver://db.example:1433;databaseName=x;password=a;b;encrypt=true"
            + "|jdbc:sqlserver://db.example:1433;databaseName=x;password=***;encrypt=true",
        // nothing secret: unchanged
        "jdbc:h2:file:/srv/regdoc;WRITE_DELAY=0" + "|jdbc:h2:file:/srv/regdoc;WRITE_DELAY=0",
        "jdbc:postgresql://db.example:5432/x?user=regdoc&ssl=true"
            + "|jdbc:postgresql://db.example:5432/x?user=regdoc&ssl=true"
      })
  void secretValuesAreMasked(String url, String expected) {
    assertThat(shown(url)).isEqualTo(expected);
  }

  @Test
  void noSecretOfATrickyUrlSurvives() {
    String url =
        "jdbc:postgresql://u:p%40ss@db.example/x?pass%2577ord=one;two&Api_Key=three&x=1;PASSWORD=four";
    assertThat(shown(url))
        .doesNotContain("p%40ss")
        .doesNotContain("one")
        .doesNotContain("two")
        .doesNotContain("three")
        .doesNotContain("four")
        .contains("db.example/x");
  }

  @Test
  void toStringNeverShowsTheSecret() {
    StoreSettings s =
        StoreSettings.defaults(Path.of("data"))
            .withDatabase("jdbc:h2:tcp://db.example/x;PASSWORD=x;y", "regdoc", "envsecret");
    assertThat(s.toString()).doesNotContain(";y").doesNotContain("envsecret");
  }
}
