package dev.regdoc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading peak memory and CPU time of a child process, with and without GNU time. */
class ProcessTimerTest {
  @Test
  void readsGnuTimesFiguresAfterItsExitNote() {
    ProcessTimer.Run r =
        ProcessTimer.parseGnuTime(
                "Command exited with non-zero status 2\nregdoc-bench 1.25 0.90 0.10 123456\n", 2)
            .orElseThrow();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.seconds()).isEqualTo(1.25);
    assertThat(r.cpuSeconds()).isEqualTo(1.0);
    assertThat(r.peakRssKb()).isEqualTo(123_456);
  }

  @Test
  void aGarbledReportIsNoFigure() {
    assertThat(ProcessTimer.parseGnuTime("", 0)).isEmpty();
    assertThat(ProcessTimer.parseGnuTime("regdoc-bench 1.0 x 0.1 5\n", 0)).isEmpty();
    assertThat(ProcessTimer.parseGnuTime("regdoc-bench 1.0 0.1\n", 0)).isEmpty();
  }

  @Test
  void procStatusAndStatAreParsed() {
    assertThat(RssWatch.vmHwmKb(List.of("Name:\tjava", "VmPeak:\t 999 kB", "VmHWM:\t  20480 kB")))
        .isEqualTo(20_480);
    assertThat(RssWatch.vmHwmKb(List.of("Name:\tzombie"))).isZero();
    // a command name with spaces and a parenthesis must not shift the fields
    String stat = "4242 (a b) c) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0 1 0";
    assertThat(RssWatch.cpuSeconds(stat)).isEqualTo(3.0);
  }

  @Test
  void bothWaysMeasureARealChildsPeak() throws Exception {
    // the shell itself holds ~48 MB in a variable, then idles long enough for a poll to see it
    List<String> grow =
        List.of("sh", "-c", "x=$(head -c 50000000 /dev/zero | tr '\\0' a); sleep 0.3; exit 3");
    for (boolean gnuTime : new boolean[] {true, false}) {
      if (gnuTime && !Files.isExecutable(Path.of("/usr/bin/time"))) {
        continue;
      }
      ProcessTimer.Run r = new ProcessTimer(gnuTime).run(grow);
      assertThat(r.exitCode()).as("GNU time %s", gnuTime).isEqualTo(3);
      assertThat(r.seconds()).isGreaterThanOrEqualTo(0.3);
      assertThat(r.peakRssKb()).as("GNU time %s", gnuTime).isGreaterThan(40_000);
    }
  }
}
