package dev.regdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * analyze --period says how often the user sees the problem, as the chat hears it from "every 16
 * minutes": the failover-cycle finding then sets it against what the files show.
 */
class AnalyzePeriodTest {
  private static final String PCAP = "src/test/resources/fixtures/case-study-2/phone.pcap";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int analyze(String... options) {
    CommandLine cli = RegdocCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>(List.of("analyze", PCAP, "--all"));
    args.addAll(List.of(options));
    return cli.execute(args.toArray(String[]::new));
  }

  @Test
  void theReportedPeriodIsReconciledWithTheOneCycleInTheFiles() {
    assertThat(analyze("--period", "16")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("which can neither confirm nor rule out the 16 minutes you reported");
  }

  @Test
  void withoutAPeriodNothingIsSaidOfOne() {
    assertThat(analyze()).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("once, ")
        .contains("after the files begin")
        .doesNotContain("you reported");
  }

  @Test
  void aPeriodThatIsNoPeriodIsRefused() {
    assertThat(analyze("--period", "0")).isNotZero();
    assertThat(err.toString()).contains("--period");
  }
}
