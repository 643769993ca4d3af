package dev.regdoc.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cold table: the commands of issue 15's table as fresh processes, median of a few runs, peak
 * RSS, and tshark on the same input; printed as a Markdown table and recorded in the results.
 */
final class ColdTable {
  private final PrintWriter out;
  private final Path dir;
  private final int runs;
  private final boolean tshark;

  ColdTable(PrintWriter out, Path dir, int runs, boolean tshark) {
    this.out = out;
    this.dir = dir;
    this.runs = runs;
    this.tshark = tshark;
  }

  void run(ColdRows rows, Path fixtures, List<Long> sizesMb, long paddedMb, ObjectNode json)
      throws IOException, InterruptedException {
    List<ColdBench.Row> table = new ArrayList<>();
    if (Files.isDirectory(fixtures)) {
      table.add(rows.analyze(fixtures));
    }
    for (long mb : sizesMb) {
      Path file = dir.resolve("mixed-" + mb + "mb.pcap");
      BenchCaptureWriter.Counts c =
          new BenchCaptureWriter().write(file, BenchCaptureWriter.Profile.MIXED, mb << 20);
      String what = String.format("mixed %d MB (%,d packets)", Files.size(file) >> 20, c.packets);
      table.add(rows.timelineJson(file, what));
      table.add(rows.analyzeCapture(file, what));
    }
    if (paddedMb > 0 && !sizesMb.isEmpty()) {
      long signalingMb = sizesMb.get(0);
      Path file = dir.resolve("mixed-" + paddedMb + "mb-signaling-of-" + signalingMb + "mb.pcap");
      BenchCaptureWriter.Counts c =
          new BenchCaptureWriter().writePadded(file, signalingMb << 20, paddedMb << 20);
      String what =
          String.format(
              "mixed %d MB, the signaling of %d MB (%,d packets)",
              Files.size(file) >> 20, signalingMb, c.packets);
      table.add(rows.timelineJson(file, what));
      table.add(rows.analyzeCapture(file, what));
    }
    Path tiny = fixtures.resolve("phone.pcap");
    if (Files.isRegularFile(tiny)) {
      table.add(rows.timeline(tiny, "tiny capture (" + Files.size(tiny) / 1024 + " KB)"));
    }
    table.add(rows.explainReason13());

    String loadBefore = loadAverage();
    out.printf(
        "%ncold: each command a fresh process (%s), median of %d; load average %s%n",
        rows.how(), runs, loadBefore);
    out.println(
        "| what the user runs | regdoc wall | regdoc CPU | regdoc peak RSS | tshark wall | tshark"
            + " CPU | tshark peak RSS |");
    out.println("|---|---|---|---|---|---|---|");
    ColdBench bench = new ColdBench(new ProcessTimer(), runs, rows::awaitArchives);
    ArrayNode rowsJson = json.putArray("rows");
    for (ColdBench.Row row : table) {
      ColdBench.Row r = tshark ? row : new ColdBench.Row(row.label(), row.regdoc(), List.of());
      ColdBench.Result result = bench.run(r);
      out.printf(
          "| %s | %s | %s |%n",
          row.label(),
          cells(result.regdoc()),
          result.tshark() == null ? " | | " : cells(result.tshark()));
      out.flush();
      ObjectNode x = rowsJson.addObject();
      x.put("command", row.label());
      put(x.putObject("regdoc"), result.regdoc());
      if (result.tshark() != null) {
        put(x.putObject("tshark"), result.tshark());
      }
    }
    String loadAfter = loadAverage();
    out.printf("load average after: %s%n", loadAfter);
    json.put("runs", runs);
    json.put("regdoc", rows.how());
    json.put("loadAverageBefore", loadBefore);
    json.put("loadAverageAfter", loadAfter);
  }

  private static String cells(ColdBench.Figures f) {
    String failed = f.failures() > 0 ? " (" + f.failures() + " FAILED)" : "";
    return String.format(
        "%.2f s%s | %.2f s | %d MB", f.seconds(), failed, f.cpuSeconds(), f.peakRssKb() >> 10);
  }

  private static void put(ObjectNode n, ColdBench.Figures f) {
    n.put("medianSeconds", f.seconds());
    n.put("medianCpuSeconds", f.cpuSeconds());
    n.put("peakRssMb", f.peakRssKb() >> 10);
    n.put("failedRuns", f.failures());
    ArrayNode all = n.putArray("seconds");
    f.all().forEach(all::add);
  }

  /** The 1, 5 and 15 minute load averages, so a figure can be read against how busy the box was. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
