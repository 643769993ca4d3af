package dev.regdoc.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.regdoc.analysis.Analysis;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.fixtures.DayLongCapture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day-long capture (case study 2's fault all day, three healthy phones beside it: about 3,000
 * refreshes) read through the normal reader: the pictures still render, focused on the window
 * around the finding, and a whole-day chart renders too with bounded labels. Times and allocations
 * are printed (bench-style) rather than asserted; the README quotes them.
 */
class LargeTimelineChartTest {

  @Test
  void aDayLongCaptureRendersFocusedAndAsAWholeDay(@TempDir Path dir) throws Exception {
    long t0 = System.nanoTime();
    DayLongCapture.Written w = DayLongCapture.write(dir, 24);
    long generated = System.nanoTime();
    assertThat(w.refreshes()).isGreaterThan(2500);
    Analysis a = CaseStudies.analyzer().analyze(CaseStudies.files(dir));
    long analysed = System.nanoTime();
    Finding top = a.findings().get(0);
    assertThat(top.code()).isEqualTo("port-security-aging");

    // what the chat front ends render: the faulty phone only, focused on the hour around its
    // evidence
    warmUp(a);
    long allocated0 = allocated();
    long p0 = System.nanoTime();
    List<Picture> pictures = Pictures.forAnalysis(a, "en");
    long p1 = System.nanoTime();
    long picturesAllocated = allocated() - allocated0;
    assertThat(pictures)
        .extracting(Picture::fileName)
        .containsExactly(
            "timeline-SEP0024142DDF24.png", "ladder-SEP0024142DDF24-port-security-aging.png");
    TimelineScene focused =
        TimelineChart.scene(a.timeline(), top.device(), top, null, Labels.of("en"));
    assertThat(focused.focused()).isTrue();
    assertThat(Duration.between(focused.from(), focused.to()))
        .isLessThanOrEqualTo(Duration.ofMinutes(70));
    assertThat(focused.marks())
        .isNotEmpty()
        .allMatch(m -> !m.time().isBefore(focused.from()) && !m.time().isAfter(focused.to()));

    // the whole day in one picture: every mark is drawn (they merge into bands), labels stay
    // bounded
    Labels en = Labels.of("en");
    TimelineScene day =
        TimelineChart.scene(
            a.timeline(),
            top.device(),
            top,
            null,
            en,
            a.timeline().events().get(0).time(),
            a.timeline().events().get(a.timeline().events().size() - 1).time());
    long d0 = System.nanoTime();
    RenderedChart whole = TimelineChart.render(day, en);
    long d1 = System.nanoTime();
    assertThat(day.marksOf(TimelineScene.MarkKind.REFRESH).size()).isGreaterThan(600);
    assertThat(whole.series().get("lanes").get("refresh"))
        .isEqualTo(day.marksOf(TimelineScene.MarkKind.REFRESH).size());
    assertThat(whole.texts()).hasSizeLessThan(200);
    // at this density links and evidence rings would only paint over the band of marks
    assertThat(LanesPanel.isDense(day)).isTrue();
    assertThat(LanesPanel.isDense(focused)).isFalse();
    assertThat(whole.series().get("lanes"))
        .doesNotContainKeys("evidence of port-security-aging", "request to answer");
    assertThat(whole.png().length).isLessThan(1_500_000);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(whole.png()));
    assertThat(img.getWidth()).isEqualTo(1280);
    assertThat(img.getHeight()).isEqualTo(800);

    String preview = System.getProperty("regdoc.preview"); // a folder to look at the pictures in
    if (preview != null) {
      Files.createDirectories(Path.of(preview));
      Pictures.write(pictures, Path.of(preview));
      Files.write(Path.of(preview, "whole-day.png"), whole.png());
    }
    System.out.printf(
        "charts bench: %d h capture, %d packets at the phone, %d refreshes, %d fault cycles, %d"
            + " timeline events; generated in %.1f s, analysed in %.1f s%n",
        24,
        w.packets(),
        w.refreshes(),
        w.cycles(),
        a.timeline().events().size(),
        (generated - t0) / 1e9,
        (analysed - generated) / 1e9);
    System.out.printf(
        "charts bench: Pictures.forAnalysis (focused timeline + ladder) %d ms, %.0f MB allocated;"
            + " whole-day chart (%d marks) %d ms, %d KB PNG%n",
        (p1 - p0) / 1_000_000,
        picturesAllocated / 1e6,
        day.marks().size(),
        (d1 - d0) / 1_000_000,
        whole.png().length / 1024);
  }

  /**
   * One render first, so that the printed figures are a warm JVM's (the first picture pays for
   * loading fonts and Java2D).
   */
  private static void warmUp(Analysis a) {
    Pictures.forAnalysis(CaseStudies.analysis("case-study-2"), "en");
  }

  private static long allocated() {
    return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }
}
