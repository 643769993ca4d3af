package dev.regdoc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.ingest.IngestLimits;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cold table's large capture is read, not refused: a refused file ends with "nothing read",
 * which the table does not count as a failure, so without this its row would time a refusal.
 */
class ColdRowsTest {
  @TempDir Path dir;

  @Test
  void aCaptureOverTheDefaultFileLimitIsReadWithALimitThatFitsIt() throws Exception {
    Path big = dir.resolve("mixed-2048mb.pcap");
    long bytes = ((long) IngestLimits.DEFAULT_MAX_FILE_MB << 20) + 1_263;
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(bytes); // sparse: nothing is written
    }

    List<String> command =
        new ColdRows(List.of("regdoc")).timelineJson(big, "mixed 2048 MB").regdoc();

    int at = command.indexOf("--max-file-size");
    assertThat(at).as(String.join(" ", command)).isPositive();
    assertThat(Long.parseLong(command.get(at + 1)) << 20).isGreaterThanOrEqualTo(bytes);
    assertThat(command).endsWith(big.toString());
  }
}
