package dev.regdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code timeline --format json} writes the timeline as it serialises it: the terminal receives it
 * in pieces of the generator's buffer, never as one string of the whole (which, with the JSON tree
 * built before it, held a large capture's timeline twice more in memory), and the text is the
 * published one, byte for byte.
 */
class TimelineJsonStreamingTest {
  private static final Path PCAP = Path.of("src/test/resources/fixtures/case-study-2/phone.pcap");
  private static final Path GOLDEN =
      Path.of("src/test/resources/golden/timeline/case-study-2-phone-only.json");
  private static final int PIECE = 16 * 1024;

  /** Keeps what is written and the largest single piece handed to it. */
  private static final class PieceWriter extends Writer {
    final StringBuilder text = new StringBuilder();
    int largest;

    @Override
    public void write(char[] buf, int off, int len) {
      largest = Math.max(largest, len);
      text.append(buf, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
      largest = Math.max(largest, len);
      text.append(s, off, off + len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void theJsonReachesTheOutputInBoundedPiecesAndIsThePublishedText() throws IOException {
    PieceWriter piece = new PieceWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = RegdocCommand.commandLine();
    cli.setOut(new PrintWriter(piece, false));
    cli.setErr(new PrintWriter(err, true));

    int status = cli.execute("timeline", "--format", "json", PCAP.toString());

    assertThat(status).as(err.toString()).isZero();
    String golden = Files.readString(GOLDEN);
    assertThat(golden.length())
        .as("the fixture must be larger than one piece")
        .isGreaterThan(PIECE);
    assertThat(piece.largest).isLessThanOrEqualTo(PIECE);
    assertThat(piece.text.toString()).isEqualTo(golden);
  }
}
