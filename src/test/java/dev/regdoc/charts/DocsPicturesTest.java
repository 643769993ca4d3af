package dev.regdoc.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The README's pictures are made by the build from the case-study fixtures: this test renders them
 * and fails when {@code src/docs/pictures/} is stale. What was drawn is summed up in {@code
 * pictures.txt} (lanes, marks, markers, the text ladder), which must match; the PNGs are rewritten
 * together with it by {@code -Dregdoc.updateGolden=true} (font rasterising may differ by a pixel
 * between machines, so the PNG bytes themselves are not compared).
 */
class DocsPicturesTest {
  static final Path DOCS = Path.of("src/docs/pictures");

  @Test
  void theReadmePicturesAreCurrent() throws IOException {
    Labels en = Labels.of("en");
    TimelineScene timeline = CaseStudies.timelineOfTop("case-study-2", "en");
    RenderedChart chart = TimelineChart.render(timeline, en);
    LadderScene ladder = CaseStudies.ladderOfTop("case-study-1-2", "en");
    RenderedLadder ladderPng = LadderDiagram.png(ladder, en);
    String manifest =
        "timeline-case-study-2.png\n"
            + summary(timeline)
            + "\nladder-case-study-1-2.png\n"
            + LadderDiagram.text(ladder, en);

    if (Boolean.getBoolean("regdoc.updateGolden")) {
      Files.createDirectories(DOCS);
      Files.write(DOCS.resolve("timeline-case-study-2.png"), chart.png());
      Files.write(DOCS.resolve("ladder-case-study-1-2.png"), ladderPng.png());
      Files.writeString(DOCS.resolve("pictures.txt"), manifest);
    }
    assertThat(DOCS.resolve("pictures.txt"))
        .as("src/docs/pictures (make with -Dregdoc.updateGolden=true)")
        .exists();
    assertThat(Files.readString(DOCS.resolve("pictures.txt")))
        .as("src/docs/pictures is stale: rerun with -Dregdoc.updateGolden=true")
        .isEqualTo(manifest);
    BufferedImage t = ImageIO.read(DOCS.resolve("timeline-case-study-2.png").toFile());
    assertThat(t.getWidth()).isEqualTo(chart.width());
    assertThat(t.getHeight()).isEqualTo(chart.height());
    BufferedImage l = ImageIO.read(DOCS.resolve("ladder-case-study-1-2.png").toFile());
    assertThat(l.getWidth()).isEqualTo(ladderPng.width());
    assertThat(l.getHeight()).isEqualTo(ladderPng.height());
  }

  /** What a timeline chart shows, in a few stable lines. */
  static String summary(TimelineScene s) {
    StringBuilder out = new StringBuilder();
    out.append(s.title())
        .append('\n')
        .append(s.subtitle())
        .append('\n')
        .append(s.caption())
        .append('\n');
    out.append("window ")
        .append(s.from())
        .append(" .. ")
        .append(s.to())
        .append(s.focused() ? " (focused)" : "")
        .append('\n');
    s.lanes().forEach(l -> out.append("lane ").append(l.label()).append('\n'));
    Map<String, Long> counts =
        s.marks().stream()
            .collect(
                Collectors.groupingBy(m -> m.kind().name(), TreeMap::new, Collectors.counting()));
    out.append("marks ").append(counts).append('\n');
    out.append("emphasised ")
        .append(
            s.marks().stream()
                .filter(TimelineScene.Mark::emphasised)
                .map(TimelineScene.Mark::cite)
                .distinct()
                .toList())
        .append('\n');
    s.gaps()
        .forEach(
            g ->
                out.append("gap lane ")
                    .append(g.lane())
                    .append(' ')
                    .append(Scenes.seconds(Math.round(g.seconds() * 10) / 10.0))
                    .append(" s\n"));
    s.markers()
        .forEach(
            m ->
                out.append("marker ")
                    .append(m.kind())
                    .append(' ')
                    .append(m.label())
                    .append(" [")
                    .append(m.cite())
                    .append("]\n"));
    TimelineScene.Intervals iv = s.intervals();
    out.append("intervals ")
        .append(iv.protocol())
        .append(" expected ")
        .append(Scenes.seconds(iv.expected()))
        .append(" deadline ")
        .append(Scenes.seconds(iv.deadline()))
        .append(" sent ")
        .append(iv.sent().size())
        .append(" answered ")
        .append(iv.answered().size())
        .append('\n');
    return out.toString();
  }
}
