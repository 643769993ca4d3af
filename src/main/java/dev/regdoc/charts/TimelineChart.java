package dev.regdoc.charts;

import dev.regdoc.diagnosis.Finding;
import dev.regdoc.timeline.Timeline;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * The timeline chart of one device: lanes with every registration, refresh, keepalive, answer and
 * retransmission above, the intervals panel below, on one time axis.
 */
public final class TimelineChart {
  static final int HEIGHT = 800;
  static final int INTERVALS_HEIGHT = 230;
  private static final int MARGIN = 16;

  private TimelineChart() {}

  /**
   * The scene for {@code device} (its id as in the timeline), with {@code focus}'s evidence
   * emphasised.
   */
  public static TimelineScene scene(
      Timeline t, String device, Finding focus, String focusTitle, Labels labels) {
    return new TimelineSceneBuilder(t, DeviceSceneBuilder.device(t, device), labels)
        .build(focus, focusTitle);
  }

  /**
   * The scene for {@code device} over a chosen window (a whole day, say: dense marks then merge
   * into bands).
   */
  public static TimelineScene scene(
      Timeline t,
      String device,
      Finding focus,
      String focusTitle,
      Labels labels,
      Instant from,
      Instant to) {
    return new TimelineSceneBuilder(t, DeviceSceneBuilder.device(t, device), labels)
        .build(focus, focusTitle, from, to);
  }

  public static RenderedChart render(TimelineScene scene, Labels labels) {
    int width = ChartStyle.WIDTH;
    boolean intervals = !scene.intervals().isEmpty();
    String family = Fonts.familyFor(texts(scene, labels));
    Canvas canvas = Canvas.white(width, HEIGHT);
    Graphics2D g = canvas.graphics();
    List<String> texts = new ArrayList<>();
    int top = header(g, scene, family, width, texts);

    Legend legend = new Legend();
    LanesPanel lanes = new LanesPanel(scene, labels, family, width, 100, legend);
    IntervalsPanel iv =
        intervals
            ? new IntervalsPanel(scene, labels, family, width, INTERVALS_HEIGHT, legend)
            : null;
    Font legendFont = ChartStyle.font(family, Font.PLAIN, ChartStyle.LEGEND_PX);
    int legendHeight = legend.height(g.getFontMetrics(legendFont), width - 2 * MARGIN);
    int lanesHeight = HEIGHT - top - legendHeight - (intervals ? INTERVALS_HEIGHT : 0);

    Map<String, Map<String, Integer>> series = new LinkedHashMap<>();
    Map<String, int[]> axes = new LinkedHashMap<>();
    Graphics2D gl = (Graphics2D) g.create(0, top, width, lanesHeight);
    ChartStyle.hints(gl);
    lanes.chart().paint(gl, width, lanesHeight);
    lanes.overlay(gl);
    gl.dispose();
    int[] want = axis(lanes.chart(), scene);
    series.put("lanes", lanes.series());
    axes.put("lanes", want);
    texts.addAll(lanes.texts());
    if (iv != null) {
      int[] got = paintAt(g, iv.chart(), 0, top + lanesHeight, width);
      if (got[0] != want[0] || got[1] != want[1]) {
        // the y axes differ in width: shift and narrow the lower panel so that both time axes line
        // up
        int dl = want[0] - got[0];
        int dr = want[1] - got[1];
        got = paintAt(g, iv.chart(), dl, top + lanesHeight, width + dr - dl);
      }
      series.put("intervals", iv.series());
      axes.put("intervals", got);
      texts.addAll(iv.texts());
    } else {
      texts.add(labels.get("intervals.none"));
    }
    legend.paint(g, legendFont, MARGIN, HEIGHT - legendHeight, width - 2 * MARGIN);
    legend.entries().forEach(e -> texts.add(e.name()));
    return new RenderedChart(
        scene, canvas.png(), width, HEIGHT, family, List.copyOf(texts), series, axes);
  }

  /**
   * Title, the finding's title and the caption, each shortened to fit; returns where the panels
   * start.
   */
  private static int header(
      Graphics2D g, TimelineScene scene, String family, int width, List<String> texts) {
    int y = 8;
    y =
        line(
            g,
            scene.title(),
            ChartStyle.font(family, Font.BOLD, ChartStyle.TITLE_PX),
            ChartStyle.TEXT,
            y,
            width,
            texts);
    if (!scene.subtitle().isEmpty()) {
      y =
          line(
              g,
              scene.subtitle(),
              ChartStyle.font(family, Font.BOLD, ChartStyle.LEGEND_PX),
              ChartStyle.ALARM.darker(),
              y + 2,
              width,
              texts);
    }
    y =
        line(
            g,
            scene.caption(),
            ChartStyle.font(family, Font.PLAIN, ChartStyle.LABEL_PX),
            new Color(0x555555),
            y + 2,
            width,
            texts);
    return y + 4;
  }

  private static int line(
      Graphics2D g, String text, Font font, Color color, int top, int width, List<String> texts) {
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    String t = fit(text, fm, width - 2 * MARGIN);
    g.setColor(color);
    g.drawString(t, MARGIN, top + fm.getAscent());
    texts.add(t);
    return top + fm.getHeight();
  }

  /** {@code text}, cut with an ellipsis where it would be wider than {@code max} pixels. */
  static String fit(String text, FontMetrics fm, int max) {
    if (fm.stringWidth(text) <= max) {
      return text;
    }
    String s = text;
    while (!s.isEmpty() && fm.stringWidth(s + "\u2026") > max) {
      s = s.substring(0, s.length() - 1);
    }
    return s.stripTrailing() + "\u2026";
  }

  /**
   * Paints {@code chart} at ({@code x}, {@code y}) with {@code w} pixels' width; returns its time
   * axis's ends.
   */
  private static int[] paintAt(Graphics2D g, XYChart chart, int x, int y, int w) {
    g.setColor(Color.WHITE);
    g.fillRect(0, y, ChartStyle.WIDTH, INTERVALS_HEIGHT);
    Graphics2D gi = (Graphics2D) g.create(x, y, w, INTERVALS_HEIGHT);
    ChartStyle.hints(gi);
    chart.paint(gi, w, INTERVALS_HEIGHT);
    gi.dispose();
    double from = chart.getStyler().getXAxisMin();
    double to = chart.getStyler().getXAxisMax();
    return new int[] {
      (int) Math.round(chart.getScreenXFromChart(from)) + x,
      (int) Math.round(chart.getScreenXFromChart(to)) + x
    };
  }

  private static int[] axis(XYChart chart, TimelineScene scene) {
    return new int[] {
      (int) Math.round(chart.getScreenXFromChart(scene.from().toEpochMilli())),
      (int) Math.round(chart.getScreenXFromChart(scene.to().toEpochMilli()))
    };
  }

  /** Every text the chart may show, to choose a font that has all their glyphs. */
  private static List<String> texts(TimelineScene scene, Labels labels) {
    List<String> out = new ArrayList<>();
    out.add(scene.title());
    out.add(scene.subtitle());
    out.add(scene.caption());
    out.add(labels.get("timeline.xAxis", scene.referenceFile()));
    scene.lanes().forEach(l -> out.add(l.label()));
    scene.markers().forEach(m -> out.add(m.label()));
    for (String k :
        List.of(
            "gap",
            "link.answer",
            "link.path",
            "marker.alarm",
            "marker.notice",
            "marker.network",
            "marker.address",
            "marker.failover",
            "marker.fallback",
            "intervals.yAxis",
            "intervals.sentSip",
            "intervals.answeredSip",
            "intervals.late",
            "intervals.none")) {
      out.add(labels.get(k));
    }
    for (TimelineScene.MarkKind k : TimelineScene.MarkKind.values()) {
      out.add(labels.get("mark." + LanesPanel.camel(k)));
    }
    return out;
  }
}
