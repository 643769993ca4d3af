package dev.regdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * analyze --lang takes the knowledge base's own language tags (one Lang type for the whole
 * product), and says what it takes when given another.
 */
class AnalyzeLanguageTest {
  private static final String CONFIG = "src/test/resources/fixtures/case-study-2/switch-config.txt";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int analyze(String lang) {
    CommandLine cli = RegdocCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute("analyze", CONFIG, "--format", "json", "--lang", lang);
  }

  @Test
  void aRegionalTagPicksItsLanguage() throws Exception {
    assertThat(analyze("ja-JP")).as(err.toString()).isIn(0, 2);
    assertThat(new ObjectMapper().readTree(out.toString()).path("lang").asText()).isEqualTo("ja");
  }

  @Test
  void anUnknownLanguageIsNamedWithWhatIsTaken() {
    assertThat(analyze("fr")).isNotZero();
    assertThat(err.toString()).contains("--lang").contains("en or ja, not 'fr'");
    assertThat(out.toString()).isEmpty();
  }
}
