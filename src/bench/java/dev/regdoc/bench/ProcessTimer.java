package dev.regdoc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a command as a fresh process and measures what its user waits for: wall time, CPU time and
 * peak resident memory. GNU time (its {@code %M} is the kernel's maximum RSS of the child, over
 * every program the child exec'd, so a launcher script's {@code exec java} is counted) is used when
 * installed; without it the child's {@code VmHWM} is polled, which can miss growth in its last poll
 * interval.
 */
final class ProcessTimer {
  private static final Path GNU_TIME = Path.of("/usr/bin/time");
  private static final String FORMAT = "regdoc-bench %e %U %S %M";

  /**
   * One process run.
   *
   * @param peakRssKb maximum resident set size in KB, 0 when it could not be measured
   */
  record Run(int exitCode, double seconds, double cpuSeconds, long peakRssKb) {}

  private final boolean gnuTime;

  ProcessTimer() {
    this(Files.isExecutable(GNU_TIME));
  }

  ProcessTimer(boolean gnuTime) {
    this.gnuTime = gnuTime;
  }

  /**
   * Runs {@code command} with its output discarded (a user redirects it or reads it as it comes).
   */
  Run run(List<String> command) throws IOException, InterruptedException {
    Path report = Files.createTempFile("regdoc-bench-time", ".txt");
    try {
      List<String> full = new ArrayList<>();
      if (gnuTime) {
        full.addAll(List.of(GNU_TIME.toString(), "-f", FORMAT, "-o", report.toString()));
      }
      full.addAll(command);
      ProcessBuilder pb = new ProcessBuilder(full);
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      long start = System.nanoTime();
      Process p = pb.start();
      RssWatch watch = gnuTime ? null : RssWatch.start(p.pid());
      int rc = p.waitFor();
      double wall = (System.nanoTime() - start) / 1e9;
      if (gnuTime) {
        Optional<Run> measured = parseGnuTime(Files.readString(report), rc);
        if (measured.isPresent()) {
          return measured.get();
        }
      }
      return new Run(
          rc, wall, watch == null ? 0 : watch.cpuSeconds(), watch == null ? 0 : watch.stop());
    } finally {
      Files.deleteIfExists(report);
    }
  }

  /**
   * The figures in GNU time's report ("regdoc-bench wall user sys maxrssKB"); its other lines (a
   * "Command exited with non-zero status" note) are skipped.
   */
  static Optional<Run> parseGnuTime(String report, int exitCode) {
    return report
        .lines()
        .filter(l -> l.startsWith("regdoc-bench "))
        .reduce((a, b) -> b)
        .flatMap(
            l -> {
              String[] f = l.trim().split("\\s+");
              if (f.length != 5) {
                return Optional.empty();
              }
              try {
                return Optional.of(
                    new Run(
                        exitCode,
                        Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]) + Double.parseDouble(f[3]),
                        Long.parseLong(f[4])));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }
}
