package dev.regdoc.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regdoc.analysis.Locations;
import dev.regdoc.timeline.TimelineJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * regdoc bench: generates a large mixed capture, a SIP-dense one and a busy node's CallManager
 * trace, and prints regdoc's reading speed and peak heap (next to tshark's on the same captures),
 * plus the rule engine's start-up and analysis time.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measures reading speed and memory against tshark, and the rule engine's time per"
            + " analysis.")
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--dir",
      defaultValue = "target/bench",
      description = "Where the generated captures go (default ${DEFAULT-VALUE})")
  Path dir;

  @Option(
      names = "--mixed-mb",
      defaultValue = "1024",
      description = "Size of the mixed capture in MB (default ${DEFAULT-VALUE})")
  long mixedMb;

  @Option(
      names = "--dense-mb",
      defaultValue = "200",
      description = "Size of the SIP-dense capture in MB (default ${DEFAULT-VALUE})")
  long denseMb;

  @Option(
      names = "--trace-mb",
      defaultValue = "200",
      description = "Size of the CallManager trace in MB (default ${DEFAULT-VALUE})")
  long traceMb;

  @Option(
      names = "--tshark-mb",
      defaultValue = "100",
      description = "tshark reads only the first MB of each capture (default ${DEFAULT-VALUE})")
  long tsharkMb;

  @Option(names = "--no-tshark", description = "Skip the tshark comparison")
  boolean noTshark;

  @Option(
      names = "--runs",
      defaultValue = "3",
      description = "In-process runs per capture (default ${DEFAULT-VALUE})")
  int runs;

  @Option(
      names = "--cold-runs",
      defaultValue = "3",
      description =
          "Fresh-process runs per command of the cold table, 0 to skip it (default"
              + " ${DEFAULT-VALUE})")
  int coldRuns;

  @Option(
      names = "--cold-mb",
      split = ",",
      defaultValue = "200",
      description =
          "Sizes in MB of the mixed captures the cold table's `timeline --format json` and"
              + " `analyze` read"
              + " (default ${DEFAULT-VALUE}; e.g. 200,2048 to compare memory)")
  List<Long> coldMb;

  @Option(
      names = "--cold-padded-mb",
      defaultValue = "0",
      description =
          "Also a mixed capture of this many MB holding the signaling of the first --cold-mb size"
              + " and only media and bulk traffic after it, read by both commands: memory follows"
              + " the signaling, not the size (default ${DEFAULT-VALUE}: none)")
  long coldPaddedMb;

  @Option(
      names = "--web-mb",
      split = ",",
      defaultValue = "100,1024",
      description =
          "Sizes in MB of the mixed captures uploaded to the web chat, 0 to skip it (default"
              + " ${DEFAULT-VALUE})")
  List<Long> webMb;

  @Option(
      names = "--fixtures",
      defaultValue = "src/test/resources/fixtures/case-study-2",
      description = "The folder `analyze` and the tiny `timeline` read (default ${DEFAULT-VALUE})")
  Path fixtures;

  @Option(
      names = "--launcher",
      paramLabel = "FILE",
      description = "How regdoc is started for the cold table (default: the project's bot/regdoc)")
  Path launcher;

  @Spec CommandSpec spec;

  private PrintWriter out;
  private final ObjectNode json = TimelineJson.MAPPER.createObjectNode();

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    Files.createDirectories(dir);
    out.printf(
        "regdoc bench on %d cores, Java %s, max heap %d MB%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    if (coldRuns > 0) {
      new ColdTable(out, dir, coldRuns, !noTshark && TsharkBench.available())
          .run(
              ColdRows.locate(launcher),
              ColdRows.inProject(fixtures),
              coldMb,
              coldPaddedMb,
              json.putObject("cold"));
    }
    List<Long> web = webMb.stream().filter(mb -> mb > 0).toList();
    if (!web.isEmpty()) {
      new WebUploadBench(out, ColdRows.locate(launcher)).run(web, json.putObject("web"));
    }
    out.printf("%nwarm: in-process reading, a sink that only counts facts%n");
    capture("mixed", BenchCaptureWriter.Profile.MIXED, mixedMb, 400);
    capture("sip-dense", BenchCaptureWriter.Profile.SIP_DENSE, denseMb, 100);
    trace(traceMb, 100);
    diagnosis();
    Path results = dir.resolve("bench-results.json");
    Files.writeString(results, TimelineJson.MAPPER.writeValueAsString(json));
    out.println("results: " + results);
    out.flush();
    return 0;
  }

  private void capture(String name, BenchCaptureWriter.Profile profile, long mb, double goal)
      throws Exception {
    if (mb <= 0) {
      out.printf("%n%s: skipped (size 0)%n", name);
      return;
    }
    Path file = dir.resolve(name + ".pcap");
    long t0 = System.nanoTime();
    BenchCaptureWriter.Counts counts = new BenchCaptureWriter().write(file, profile, mb << 20);
    double gen = (System.nanoTime() - t0) / 1e9;
    long bytes = Files.size(file);
    out.printf("%n%s: %,d MB, %s (generated in %.1f s)%n", name, bytes >> 20, counts, gen);
    ObjectNode n = json.putObject(name);
    n.put("bytes", bytes);
    n.put("packets", counts.packets);
    n.put("registers", counts.registers);
    List<ReaderBench.Run> rs = new ReaderBench().runs(file, runs);
    ArrayNode runsJson = n.putArray("regdoc");
    double best = 0;
    double bestCpu = 0;
    for (ReaderBench.Run r : rs) {
      double mbs = bytes / 1e6 / r.seconds();
      double cpuMbs = bytes / 1e6 / r.cpuSeconds();
      best = Math.max(best, mbs);
      bestCpu = Math.max(bestCpu, cpuMbs);
      out.printf(
          "  regdoc  %6.2f s wall %6.2f s CPU  %5.0f MB/s (%5.0f per CPU-second)  %,9.0f packets/s "
              + " peak heap %4d MB (%s)%n",
          r.seconds(),
          r.cpuSeconds(),
          mbs,
          cpuMbs,
          r.frames() / r.seconds(),
          r.peakHeap() >> 20,
          r.liveHeap() == 0
              ? "no collection during the run"
              : "after GC " + (r.liveHeap() >> 20) + " MB");
      ObjectNode x = runsJson.addObject();
      x.put("seconds", r.seconds());
      x.put("mbPerSecond", mbs);
      x.put("packetsPerSecond", r.frames() / r.seconds());
      x.put("peakHeapMb", r.peakHeap() >> 20);
      x.put("heapAfterGcMb", r.liveHeap() >> 20);
      x.put("cpuSeconds", r.cpuSeconds());
    }
    out.printf("  facts: %s%n", rs.get(rs.size() - 1).facts());
    out.printf(
        "  regdoc best %.0f MB/s wall, %.0f MB/s per CPU-second (goal %.0f MB/s: %s)%n",
        best,
        bestCpu,
        goal,
        best >= goal
            ? "met"
            : bestCpu >= goal
                ? "met in CPU time, not in wall time on this loaded machine"
                : "NOT met");
    boundedHeap(file, n);
    if (!noTshark && TsharkBench.available()) {
      tshark(name, profile, n);
    }
  }

  /** The same read in a child JVM limited to 256 MB of heap: it must finish. */
  private void boundedHeap(Path file, ObjectNode n) throws IOException, InterruptedException {
    ChildRun run = inChildJvm("-Xmx256m", ReaderBench.class, file);
    String output = run.output();
    int rc = run.exitCode();
    String last = output.lines().reduce((a, b) -> b).orElse("");
    String[] figures = last.split(" ");
    if (rc == 0 && figures.length == 3) {
      long live = Long.parseLong(figures[2]) >> 20;
      out.printf(
          "  regdoc with -Xmx256m: completed (%s frames, at most %d MB of heap in use after a"
              + " collection)%n",
          figures[0], live);
      n.put("heapAfterGcMbWith256MbHeap", live);
    } else {
      out.printf("  regdoc with -Xmx256m: FAILED: %s%n", last);
    }
    n.put("completesWith256MbHeap", rc == 0);
  }

  private void tshark(String name, BenchCaptureWriter.Profile profile, ObjectNode n)
      throws Exception {
    Path prefix = dir.resolve(name + "-first-" + tsharkMb + "mb.pcap");
    // same seed: the same bytes as the big file's start
    long packets = new BenchCaptureWriter().write(prefix, profile, tsharkMb << 20).packets;
    TsharkBench.Result t = new TsharkBench().run(prefix);
    double prefixMb = Files.size(prefix) / 1e6;
    double mbs = prefixMb / t.seconds();
    double packetsPerSecond = packets / t.seconds();
    double regdocMbs = prefixMb / new ReaderBench().run(prefix).seconds();
    out.printf(
        "  tshark  %6.2f s  %7.1f MB/s  %,9.0f packets/s  on the first %d MB (%,d output lines,"
            + " peak RSS %d MB); regdoc on the same: %.0f MB/s%n",
        t.seconds(), mbs, packetsPerSecond, tsharkMb, t.lines(), t.peakRssKb() >> 10, regdocMbs);
    ObjectNode x = n.putObject("tshark");
    x.put("prefixMb", tsharkMb);
    x.put("seconds", t.seconds());
    x.put("mbPerSecond", mbs);
    x.put("packetsPerSecond", packetsPerSecond);
    x.put("peakRssMb", t.peakRssKb() >> 10);
    x.put("regdocMbPerSecondSamePrefix", regdocMbs);
  }

  /** A busy node's SDL trace through the upload path: speed per run, heap, a 64 MB child. */
  private void trace(long mb, double goal) throws Exception {
    if (mb <= 0) {
      out.printf("%ntrace: skipped (size 0)%n");
      return;
    }
    Path file = dir.resolve("SDL001_100_000001.txt");
    long t0 = System.nanoTime();
    BenchTraceWriter.Counts counts = new BenchTraceWriter().write(file, mb << 20);
    double gen = (System.nanoTime() - t0) / 1e9;
    long bytes = Files.size(file);
    out.printf("%ntrace: %,d MB, %s (generated in %.1f s)%n", bytes >> 20, counts, gen);
    ObjectNode n = json.putObject("trace");
    n.put("bytes", bytes);
    n.put("lines", counts.lines);
    n.put("registers", counts.registers);
    ArrayNode runsJson = n.putArray("regdoc");
    double best = 0;
    double bestCpu = 0;
    TraceBench.Run last = null;
    for (int i = 0; i < runs; i++) {
      TraceBench.Run r = new TraceBench().run(file);
      double mbs = bytes / 1e6 / r.seconds();
      double cpuMbs = bytes / 1e6 / r.cpuSeconds();
      best = Math.max(best, mbs);
      bestCpu = Math.max(bestCpu, cpuMbs);
      out.printf(
          "  regdoc  %6.2f s wall %6.2f s CPU  %5.0f MB/s (%5.0f per CPU-second)  %,9.0f lines/s "
              + " peak heap %4d MB (%s)%n",
          r.seconds(),
          r.cpuSeconds(),
          mbs,
          cpuMbs,
          counts.lines / r.seconds(),
          r.peakHeap() >> 20,
          r.liveHeap() == 0
              ? "no collection during the run"
              : "after GC " + (r.liveHeap() >> 20) + " MB");
      ObjectNode x = runsJson.addObject();
      x.put("seconds", r.seconds());
      x.put("cpuSeconds", r.cpuSeconds());
      x.put("mbPerSecond", mbs);
      x.put("peakHeapMb", r.peakHeap() >> 20);
      x.put("heapAfterGcMb", r.liveHeap() >> 20);
      last = r;
    }
    out.printf("  records: %s%n", last.records());
    out.printf(
        "  regdoc best %.0f MB/s wall, %.0f MB/s per CPU-second (goal %.0f MB/s: %s)%n",
        best,
        bestCpu,
        goal,
        best >= goal
            ? "met"
            : bestCpu >= goal
                ? "met in CPU time, not in wall time on this loaded machine"
                : "NOT met");
    n.put("bestMbPerSecond", best);
    n.put("bestMbPerCpuSecond", bestCpu);
    traceInSmallHeap(file, n);
  }

  /** The same read in a child JVM with 64 MB of heap: it must finish, holding little. */
  private void traceInSmallHeap(Path file, ObjectNode n) throws Exception {
    ChildRun run = inChildJvm("-Xmx64m", TraceBench.class, file);
    String output = run.output();
    int rc = run.exitCode();
    String[] figures = output.lines().findFirst().orElse("").split(" ");
    if (rc == 0 && figures.length == 5) {
      long live = Long.parseLong(figures[3]) >> 20;
      out.printf(
          "  regdoc with -Xmx64m: completed (%s records, at most %d MB of heap in use after a"
              + " collection)%n",
          figures[1], live);
      n.put("heapAfterGcMbWith64MbHeap", live);
    } else {
      out.printf(
          "  regdoc with -Xmx64m: FAILED: %s%n", output.lines().reduce((a, b) -> b).orElse(""));
    }
    n.put("completesWith64MbHeap", rc == 0);
  }

  private void diagnosis() {
    DiagnosisBench.Result r = new DiagnosisBench().run(Locations.rules(), 100_000, 10);
    List<Long> sorted = r.millis().stream().sorted().toList();
    long median = sorted.get(sorted.size() / 2);
    long cpuMedian = r.cpuMillis().stream().sorted().toList().get(r.cpuMillis().size() / 2);
    out.printf(
        "%ndiagnosis: rule base compiled in %d ms, read back from its cache in %d ms; %,d facts:"
            + " first run %d ms, median %d ms wall (%d ms CPU of the calling thread), best %d ms"
            + " (goal 200 ms: %s)%n",
        r.ruleBaseMillis(),
        r.cachedRuleBaseMillis(),
        r.facts(),
        r.millis().get(0),
        median,
        cpuMedian,
        r.best(),
        median < 200 ? "met" : "NOT met");
    ObjectNode n = json.putObject("diagnosis");
    n.put("ruleBaseMillis", r.ruleBaseMillis());
    n.put("cachedRuleBaseMillis", r.cachedRuleBaseMillis());
    n.put("facts", r.facts());
    n.put("firstMillis", r.millis().get(0));
    n.put("medianMillis", median);
    n.put("medianCpuMillis", cpuMedian);
    n.put("bestMillis", r.best());
  }

  /** What a bench class printed, run on one file in a fresh JVM with the given heap limit. */
  private record ChildRun(int exitCode, String output) {}

  private static ChildRun inChildJvm(String heap, Class<?> main, Path file)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            heap,
            "-cp",
            System.getProperty("java.class.path"),
            main.getName(),
            file.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes()).trim();
    return new ChildRun(p.waitFor(), output);
  }
}
