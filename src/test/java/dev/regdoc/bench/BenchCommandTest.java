package dev.regdoc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench command end to end on small captures: it prints and records every figure the README
 * quotes (speed, packets, heap, the bounded-heap child, tshark when installed). Figures themselves
 * are not asserted; they belong to the bench, not to unit tests.
 */
class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void printsAndRecordsEveryFigure() throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code =
          BenchMain.run(
              "bench",
              "--dir",
              dir.toString(),
              "--mixed-mb",
              "3",
              "--dense-mb",
              "2",
              "--tshark-mb",
              "1",
              "--trace-mb",
              "2",
              "--runs",
              "2");
    } finally {
      System.setOut(old);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isZero();
    assertThat(text)
        .contains(
            "mixed: 3 MB",
            "sip-dense: 2 MB",
            "packets/s",
            "peak heap",
            "regdoc with -Xmx256m: completed (",
            "trace: 2 MB",
            "lines/s",
            "regdoc with -Xmx64m: completed (",
            "of heap in use after a collection)",
            "diagnosis: rule base compiled");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("bench-results.json").toFile());
    JsonNode trace = json.get("trace");
    assertThat(trace.get("regdoc")).hasSize(2);
    assertThat(trace.get("bestMbPerSecond").asDouble()).isPositive();
    assertThat(trace.get("completesWith64MbHeap").asBoolean()).isTrue();
    for (String capture : new String[] {"mixed", "sip-dense"}) {
      JsonNode c = json.get(capture);
      assertThat(c.get("regdoc")).hasSize(2);
      assertThat(c.get("regdoc").get(0).get("mbPerSecond").asDouble()).isPositive();
      assertThat(c.get("completesWith256MbHeap").asBoolean()).isTrue();
      assertThat(c.get("heapAfterGcMbWith256MbHeap").asLong()).isBetween(0L, 256L);
      if (TsharkBench.available()) {
        assertThat(c.get("tshark").get("packetsPerSecond").asDouble()).isPositive();
      }
    }
  }
}
