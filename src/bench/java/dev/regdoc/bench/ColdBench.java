package dev.regdoc.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a user waits for: each command as a fresh process (JVM start, class loading, the rule base,
 * the work and the output), run a few times, next to tshark on the same input in the same run.
 */
final class ColdBench {
  /**
   * One row of the table: what the user runs, the regdoc command, and the tshark commands that read
   * the same captures (none for a command that reads none).
   */
  record Row(String label, List<String> regdoc, List<List<String>> tshark) {}

  /** Medians over the runs of one command (or of a sequence of commands, summed per run). */
  record Figures(
      double seconds, double cpuSeconds, long peakRssKb, int failures, List<Double> all) {}

  record Result(Row row, Figures regdoc, Figures tshark) {}

  /** What to wait for between two runs of regdoc (the launcher's archive making). */
  interface Settle {
    void await() throws InterruptedException;
  }

  private final ProcessTimer timer;
  private final int runs;
  private final Settle settle;

  ColdBench(ProcessTimer timer, int runs) {
    this(timer, runs, () -> {});
  }

  ColdBench(ProcessTimer timer, int runs, Settle settle) {
    this.timer = timer;
    this.runs = runs;
    this.settle = settle;
  }

  Result run(Row row) throws IOException, InterruptedException {
    Figures regdoc = measure(List.of(row.regdoc()), settle);
    Figures tshark = row.tshark().isEmpty() ? null : measure(row.tshark(), () -> {});
    return new Result(row, regdoc, tshark);
  }

  /**
   * Runs the commands one after another {@code runs} times; per run, times add and RSS is the max.
   */
  private Figures measure(List<List<String>> commands, Settle between)
      throws IOException, InterruptedException {
    List<ProcessTimer.Run> perRun = new ArrayList<>();
    int failures = 0;
    for (int i = 0; i < runs; i++) {
      double wall = 0;
      double cpu = 0;
      long rss = 0;
      int rc = 0;
      for (List<String> c : commands) {
        ProcessTimer.Run r = timer.run(c);
        between.await();
        wall += r.seconds();
        cpu += r.cpuSeconds();
        rss = Math.max(rss, r.peakRssKb());
        rc = Math.max(rc, r.exitCode());
      }
      // regdoc's exit code 2 means "nothing could be read", still an answer; anything else failed
      if (rc != 0 && rc != 2) {
        failures++;
      }
      perRun.add(new ProcessTimer.Run(rc, wall, cpu, rss));
    }
    return figures(perRun, failures);
  }

  static Figures figures(List<ProcessTimer.Run> runs, int failures) {
    return new Figures(
        median(runs.stream().map(ProcessTimer.Run::seconds).toList()),
        median(runs.stream().map(ProcessTimer.Run::cpuSeconds).toList()),
        runs.stream().mapToLong(ProcessTimer.Run::peakRssKb).max().orElse(0),
        failures,
        runs.stream().map(ProcessTimer.Run::seconds).toList());
  }

  /** The middle value; for an even count the mean of the two middle ones. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = values.stream().sorted(Comparator.naturalOrder()).toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
