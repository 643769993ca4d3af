package dev.regdoc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of the cold table: medians of runs, the peak of peaks, failures counted. */
class ColdBenchTest {
  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(ColdBench.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(ColdBench.median(List.of(9.0, 1.0, 2.0, 4.0))).isEqualTo(3.0);
    assertThat(ColdBench.median(List.of(5.0))).isEqualTo(5.0);
    assertThat(ColdBench.median(List.of())).isNaN();
  }

  @Test
  void figuresTakeMediansOfTimesAndTheLargestPeak() {
    ColdBench.Figures f =
        ColdBench.figures(
            List.of(
                new ProcessTimer.Run(0, 1.5, 1.0, 300_000),
                new ProcessTimer.Run(0, 0.9, 0.8, 310_000),
                new ProcessTimer.Run(0, 4.0, 0.7, 290_000)),
            0);
    assertThat(f.seconds()).isEqualTo(1.5);
    assertThat(f.cpuSeconds()).isEqualTo(0.8);
    assertThat(f.peakRssKb()).isEqualTo(310_000);
    assertThat(f.all()).containsExactly(1.5, 0.9, 4.0);
  }

  @Test
  void aRunThatFailsIsCountedButAnEmptyAnswerIsNot() throws Exception {
    ColdBench bench = new ColdBench(new ProcessTimer(), 1);
    ColdBench.Result failed =
        bench.run(new ColdBench.Row("x", List.of("sh", "-c", "exit 1"), List.of()));
    ColdBench.Result nothingRead =
        bench.run(new ColdBench.Row("y", List.of("sh", "-c", "exit 2"), List.of()));
    assertThat(failed.regdoc().failures()).isEqualTo(1);
    assertThat(nothingRead.regdoc().failures()).isZero();
    assertThat(failed.tshark()).isNull();
  }
}
