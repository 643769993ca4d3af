package dev.regdoc.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.regdoc.capture.CaptureReader;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.FileReport;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.IngestService;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Times the reading of a CallManager trace through the ingestion a user's upload takes (content
 * sniffing, gzip expansion, the trace reader) with a sink that only counts, and records heap.
 */
public final class TraceBench {

  /**
   * One run.
   *
   * @param bytes the file's size on disk
   * @param records trace records and other facts by type
   * @param liveHeap the most heap in use right after a collection during the run, 0 when none ran
   */
  public record Run(
      double seconds,
      double cpuSeconds,
      long bytes,
      long peakHeap,
      long liveHeap,
      Map<String, Long> records,
      List<String> problems) {}

  public Run run(Path file) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    FactSink sink = f -> counts.merge(f.getClass().getSimpleName(), 1L, Long::sum);
    IngestService ingest =
        new IngestService(new CaptureReader(), TextReaders.defaults(), IngestLimits.defaults());
    System.gc();
    ReaderBench.resetPeaks();
    var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    try (LiveHeap live = new LiveHeap()) {
      long start = System.nanoTime();
      List<FileReport> reports =
          ingest.ingest(List.of(new InputFile(file, file.getFileName().toString())), sink);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
      List<String> problems = reports.stream().flatMap(r -> r.problems().stream()).toList();
      return new Run(
          seconds,
          cpuSeconds,
          Files.size(file),
          ReaderBench.peakHeap(),
          live.max(),
          counts,
          problems);
    }
  }

  /**
   * The bounded-heap child run: reads the file once and prints {@code bytes records seconds
   * liveHeap cpuSeconds}, then each problem on its own line.
   */
  public static void main(String[] args) throws Exception {
    Run r = new TraceBench().run(Path.of(args[0]));
    long records = r.records().values().stream().mapToLong(Long::longValue).sum();
    System.out.println(
        r.bytes() + " " + records + " " + r.seconds() + " " + r.liveHeap() + " " + r.cpuSeconds());
    r.problems().forEach(p -> System.out.println("problem " + p));
    System.out.println("records " + r.records());
  }
}
