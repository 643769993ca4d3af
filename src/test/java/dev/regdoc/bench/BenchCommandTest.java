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
              "2",
              "--cold-runs",
              "1",
              "--cold-mb",
              "1",
              "--cold-padded-mb",
              "2",
              "--web-mb",
              "1");
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
            "diagnosis: rule base compiled",
            "cold: each command a fresh process",
            "| analyze case-study-2/* (4 files) |",
            "| timeline --format json, mixed 1 MB",
            "| analyze, mixed 1 MB",
            "| timeline --format json, mixed 2 MB, the signaling of 1 MB",
            "| analyze, mixed 2 MB, the signaling of 1 MB",
            "| timeline, tiny capture",
            "| explain reason 13 |",
            "web chat: `",
            "| mixed 1 MB |");
    assertThat(text.indexOf("cold:")).isLessThan(text.indexOf("warm:"));
    assertThat(text).doesNotContain("FAILED");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("bench-results.json").toFile());
    JsonNode trace = json.get("trace");
    assertThat(trace.get("regdoc")).hasSize(2);
    assertThat(trace.get("bestMbPerSecond").asDouble()).isPositive();
    assertThat(trace.get("completesWith64MbHeap").asBoolean()).isTrue();
    JsonNode web = json.get("web").get("rows");
    assertThat(web).hasSize(1);
    assertThat(web.get(0).get("answered").asBoolean()).as(web.toString()).isTrue();
    assertThat(web.get(0).get("seconds").asDouble()).isPositive();
    JsonNode cold = json.get("cold").get("rows");
    assertThat(cold).hasSize(7);
    for (JsonNode row : cold) {
      assertThat(row.get("regdoc").get("medianSeconds").asDouble()).isPositive();
      assertThat(row.get("regdoc").get("peakRssMb").asLong()).isPositive();
      assertThat(row.get("regdoc").get("failedRuns").asInt()).isZero();
    }
    if (TsharkBench.available()) {
      assertThat(cold.get(1).get("tshark").get("medianSeconds").asDouble()).isPositive();
    }
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
