package dev.regdoc.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.regdoc.capture.CaptureReader;
import dev.regdoc.capture.CaptureSummary;
import dev.regdoc.facts.FactSink;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Times regdoc's capture reader on one file with a sink that only counts, and records peak heap.
 */
public final class ReaderBench {

  /**
   * One run: seconds, frames, peak heap in bytes (pool peaks, garbage included), the most heap left
   * after a collection during the run (0 when none ran), facts by type.
   */
  public record Run(
      double seconds,
      double cpuSeconds,
      long frames,
      long peakHeap,
      long liveHeap,
      Map<String, Long> facts) {}

  public Run run(Path file) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    FactSink sink = f -> counts.merge(f.getClass().getSimpleName(), 1L, Long::sum);
    System.gc();
    resetPeaks();
    // the whole process: the reader decodes on the calling thread and reads libpcap on another
    var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    try (LiveHeap live = new LiveHeap()) {
      long start = System.nanoTime();
      CaptureSummary s = new CaptureReader().read(file, file.getFileName().toString(), sink);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
      return new Run(seconds, cpuSeconds, s.frames(), peakHeap(), live.max(), counts);
    }
  }

  public List<Run> runs(Path file, int n) throws IOException {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      runs.add(run(file));
    }
    return runs;
  }

  static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /**
   * Entry point for the bounded-heap child run: reads the file once and prints frames, seconds and
   * live heap.
   */
  public static void main(String[] args) throws IOException {
    Run r = new ReaderBench().run(Path.of(args[0]));
    System.out.println(r.frames() + " " + r.seconds() + " " + r.liveHeap());
  }
}
