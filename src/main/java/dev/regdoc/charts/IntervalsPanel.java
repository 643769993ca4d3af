package dev.regdoc.charts;

import dev.regdoc.charts.TimelineScene.Intervals;
import dev.regdoc.charts.TimelineScene.Point;
import dev.regdoc.facts.Protocol;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The lower panel: seconds since the previous answer for each refresh or keepalive when it was sent
 * and when it was answered, against the expected interval and CUCM's deadline, on the upper panel's
 * time axis.
 */
final class IntervalsPanel extends TimeAxisPanel {
  IntervalsPanel(
      TimelineScene scene, Labels labels, String family, int width, int height, Legend legend) {
    super(scene, family, width, height, legend);
    Intervals iv = scene.intervals();
    var s = chart.getStyler();
    // XChart turns a y-axis title sideways, which Japanese does not read: a language whose title
    // is empty carries its unit on every tick instead ("120秒")
    String title = labels.get("intervals.yAxis");
    if (title.isBlank()) {
      s.setYAxisTitleVisible(false);
    } else {
      chart.setYAxisTitle(title);
      texts.add(title);
    }
    s.setXAxisTitleVisible(false);
    s.setYAxisMin(yMin(iv));
    s.setYAxisMax(yMax(iv));
    s.setYAxisDecimalPattern(labels.get("intervals.yTicks"));
    boolean sip = iv.protocol() == Protocol.SIP;
    List<Point> onTime = iv.answered().stream().filter(p -> p.seconds() <= iv.deadline()).toList();
    List<Point> late = iv.answered().stream().filter(p -> p.seconds() > iv.deadline()).toList();
    points(
        labels.get(sip ? "intervals.sentSip" : "intervals.sentSccp"),
        iv.sent(),
        ChartStyle.REFRESH,
        SeriesMarkers.CIRCLE);
    points(
        labels.get(sip ? "intervals.answeredSip" : "intervals.answeredSccp"),
        onTime,
        ChartStyle.ANSWER,
        SeriesMarkers.TRIANGLE_DOWN);
    points(labels.get("intervals.late"), late, ChartStyle.REJECTED, SeriesMarkers.TRIANGLE_DOWN);
    level(
        scene,
        labels.get("intervals.expected", Scenes.seconds(iv.expected())),
        iv.expected(),
        ChartStyle.REFRESH,
        ChartStyle.DASHED);
    level(
        scene,
        labels.get(
            sip ? "intervals.deadlineSip" : "intervals.deadlineSccp",
            Scenes.seconds(iv.deadline())),
        iv.deadline(),
        ChartStyle.ALARM,
        new BasicStroke(2.5f));
  }

  /**
   * Low enough to show the expected level with some room, high enough not to squash the interesting
   * band.
   */
  private static double yMin(Intervals iv) {
    double min = iv.expected();
    for (Point p : iv.sent()) {
      min = Math.min(min, p.seconds());
    }
    return Math.max(0, Math.floor((min - (iv.deadline() - iv.expected())) / 10) * 10);
  }

  private static double yMax(Intervals iv) {
    double max = iv.deadline();
    for (Point p : iv.answered()) {
      max = Math.max(max, p.seconds());
    }
    for (Point p : iv.sent()) {
      max = Math.max(max, p.seconds());
    }
    return Math.ceil(max * 1.15 / 10) * 10;
  }

  private void points(String name, List<Point> ps, Color color, Marker marker) {
    if (ps.isEmpty()) {
      return;
    }
    List<Date> xs = ps.stream().map(p -> new Date(p.time().toEpochMilli())).toList();
    List<Double> ys = ps.stream().map(Point::seconds).toList();
    scatter(name, xs, ys, marker, color);
  }

  private void level(TimelineScene scene, String name, double y, Color color, BasicStroke stroke) {
    line(
        name,
        List.of(new Date(scene.from().toEpochMilli()), new Date(scene.to().toEpochMilli())),
        List.of(y, y),
        color,
        stroke);
    legend.add(new Legend.Entry(name, color, null, stroke));
    texts.add(name);
  }
}
