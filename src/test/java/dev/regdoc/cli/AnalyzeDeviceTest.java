package dev.regdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * analyze --device asks about one phone. When the files hold nothing about it the answer says so,
 * and which phones they do hold, instead of an empty report that reads like "nothing wrong".
 */
class AnalyzeDeviceTest {
  private static final String PCAP =
      "src/test/resources/fixtures/lab/healthy-long-aging/phone.pcap";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int analyze(String... options) {
    CommandLine cli = RegdocCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>(List.of("analyze", PCAP));
    args.addAll(List.of(options));
    return cli.execute(args.toArray(String[]::new));
  }

  @Test
  void aPhoneThatIsNotInTheFilesIsSaidToBeAbsentNamingThePhonesThatAre() {
    assertThat(analyze("--device", "SEP0A1AB0000077")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("SEP0A1AB0000077 is not in these files")
        .contains("SEP0A1AB0000045");
  }

  @Test
  void inJapaneseToo() {
    assertThat(analyze("--device", "SEP0A1AB0000077", "--lang", "ja")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("SEP0A1AB0000077 はこれらのファイルにありません")
        .contains("SEP0A1AB0000045")
        .doesNotContain("is not in these files");
  }

  @Test
  void aPhoneInTheFilesKeepsItsOwnAnswer() {
    assertThat(analyze("--device", "SEP0A1AB0000045")).as(err.toString()).isZero();
    assertThat(out.toString()).doesNotContain("is not in these files");
  }
}
