package dev.regdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line that names a subcommand builds only that one; anything else gets them all. */
class RegdocCommandTest {

  @Test
  void aSubcommandsNameBuildsOnlyThatSubcommand() {
    assertThat(RegdocCommand.commandLine("explain", "reason", "13").getSubcommands())
        .containsOnlyKeys("explain");
    assertThat(RegdocCommand.commandLine("analyze", "x.pcap").getSubcommands())
        .containsOnlyKeys("analyze");
  }

  @Test
  void explainNamedFirstReadsItsKnowledgeBaseWhileTheCommandLineIsBuilt() {
    // the usage builds explain too, but nothing runs it: nothing is read ahead then
    assertThat(explain(RegdocCommand.commandLine()).readsAhead()).isFalse();
    assertThat(explain(RegdocCommand.commandLine("explain", "reason", "13")).readsAhead()).isTrue();

    StringWriter out = new StringWriter();
    CommandLine cli = RegdocCommand.commandLine("explain", "reason", "13");
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("explain", "reason", "13")).isZero();
    assertThat(out.toString()).contains("Reason 13", "KeepAliveTimeout");
  }

  private static ExplainCommand explain(CommandLine cli) {
    return (ExplainCommand) cli.getSubcommands().get("explain").getCommand();
  }

  @Test
  void theUsageAndAMisspeltNameStillSeeEverySubcommand() {
    for (String[] args :
        new String[][] {{}, {"--help"}, {"explian", "reason", "13"}, {"--version"}}) {
      assertThat(RegdocCommand.commandLine(args).getSubcommands().keySet())
          .containsExactly("serve", "chat", "timeline", "analyze", "explain");
    }
    StringWriter err = new StringWriter();
    CommandLine cli = RegdocCommand.commandLine("explian", "reason", "13");
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("explian", "reason", "13")).isNotZero();
    assertThat(err.toString()).contains("explain");
  }
}
