package dev.regdoc.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A panel of the timeline chart: an XChart on the scene's time axis, the series it drew and the
 * texts it shows. Every panel sets up its time axis here, the same way, so that the panels' times
 * line up.
 */
abstract class TimeAxisPanel {
  /** Every panel reserves this much for the y axis so that their time axes line up. */
  static final int Y_AXIS_WIDTH = 80;

  final XYChart chart;

  /** Each series' name and how many points it has. */
  final Map<String, Integer> series = new LinkedHashMap<>();

  final List<String> texts = new ArrayList<>();

  /** The picture's one legend, shared by its panels. */
  final Legend legend;

  /**
   * A chart in the common look, scatter by default, without title or legend (the picture draws one
   * legend).
   */
  TimeAxisPanel(TimelineScene scene, String family, int width, int height, Legend legend) {
    this.legend = legend;
    chart = new XYChart(width, height);
    ChartStyle.apply(chart, family);
    var s = chart.getStyler();
    s.setChartTitleVisible(false);
    s.setLegendVisible(false);
    s.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    s.setXAxisMin((double) scene.from().toEpochMilli());
    s.setXAxisMax((double) scene.to().toEpochMilli());
    s.setDatePattern(datePattern(Duration.between(scene.from(), scene.to())));
    s.setYAxisLeftWidthHint(Y_AXIS_WIDTH);
  }

  /** A scatter series of {@code marker}s, with its legend entry. */
  void scatter(String name, List<Date> xs, List<Double> ys, Marker marker, Color color) {
    XYSeries s = chart.addSeries(name, xs, ys);
    s.setMarker(marker);
    s.setMarkerColor(color);
    legend.add(new Legend.Entry(name, color, marker, null));
    series.put(name, xs.size());
    texts.add(name);
  }

  /** A line series (broken where a y is null); its legend entry, if any, is the caller's. */
  void line(String name, List<Date> xs, List<Double> ys, Color color, BasicStroke stroke) {
    XYSeries s = chart.addSeries(name, xs, ys);
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(stroke);
    series.put(name, (int) ys.stream().filter(y -> y != null).count());
  }

  XYChart chart() {
    return chart;
  }

  Map<String, Integer> series() {
    return series;
  }

  List<String> texts() {
    return texts;
  }

  static String datePattern(Duration span) {
    return span.toMinutes() > 12 * 60 ? "dd HH:mm" : span.toMinutes() >= 10 ? "HH:mm" : "HH:mm:ss";
  }
}
