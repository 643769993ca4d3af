package dev.regdoc.charts;

import dev.regdoc.charts.TimelineScene.Gap;
import dev.regdoc.charts.TimelineScene.Lane;
import dev.regdoc.charts.TimelineScene.Link;
import dev.regdoc.charts.TimelineScene.LinkKind;
import dev.regdoc.charts.TimelineScene.Mark;
import dev.regdoc.charts.TimelineScene.MarkKind;
import dev.regdoc.charts.TimelineScene.MarkerKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The upper panel: one lane per CUCM and capture point, marks as XChart scatter series, links, gaps
 * and vertical markers as XChart line series (null-separated), and the texts XChart has no place
 * for (lane names, retransmission delays, marker labels) drawn on top with Java2D at the chart's
 * coordinates.
 */
final class LanesPanel extends TimeAxisPanel {
  /**
   * Requests sit this far above a lane's middle, answers this far below it (in lane units); the
   * lane's name is under them.
   */
  static final double UPPER = 0.24;

  static final double LOWER = -0.1;
  private static final int MAX_LABELS = 60;

  /** Room above the first lane (in lane units) for the marker labels. */
  static final double HEADROOM = 0.8;

  /**
   * A gap is a band as tall as a lane's marks; its legend sample is narrower, to fit a legend row.
   */
  private static final BasicStroke GAP_BAND =
      new BasicStroke(30f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);

  private static final BasicStroke GAP_SAMPLE = new BasicStroke(12f);

  private final TimelineScene scene;
  private final Labels labels;
  private final String family;
  private final int laneCount;

  /**
   * So many marks that they merge into bands: links and evidence rings would only paint the band
   * over.
   */
  private final boolean dense;

  /** Where overlay texts already are, so that later ones do not cover them. */
  private final List<Rectangle2D> occupied = new ArrayList<>();

  LanesPanel(
      TimelineScene scene, Labels labels, String family, int width, int height, Legend legend) {
    super(scene, family, width, height, legend);
    this.scene = scene;
    this.labels = labels;
    this.family = family;
    this.laneCount = Math.max(1, scene.lanes().size());
    this.dense = isDense(scene);
    chart.setXAxisTitle(labels.get("timeline.xAxis", scene.referenceFile()));
    texts.add(chart.getXAxisTitle());
    var s = chart.getStyler();
    s.setYAxisTicksVisible(false);
    s.setYAxisTitleVisible(false);
    s.setPlotGridHorizontalLinesVisible(false);
    s.setYAxisMin(-0.5);
    s.setYAxisMax(laneCount - 0.5 + HEADROOM);
    addSeries();
  }

  /** More than one request per six pixels on some lane (at 1280 px: about 180). */
  static boolean isDense(TimelineScene scene) {
    Map<Integer, Long> perLane =
        scene.marks().stream()
            .filter(Mark::upper)
            .collect(Collectors.groupingBy(Mark::lane, Collectors.counting()));
    return perLane.values().stream().anyMatch(n -> n > DENSE_MARKS);
  }

  static final int DENSE_MARKS = 180;

  double y(int lane, boolean upper) {
    return laneCount - 1 - lane + (upper ? UPPER : LOWER);
  }

  /** Between a lane's requests and answers: where its gaps are drawn. */
  private double gapY(int lane) {
    return laneCount - 1 - lane + (UPPER + LOWER) / 2;
  }

  private void addSeries() {
    gaps();
    markers();
    if (!dense) {
      links();
    }
    marks();
    if (!dense) {
      evidence();
    }
    if (chart.getSeriesMap().isEmpty()) {
      // XChart needs one series to draw axes; an invisible point keeps the window
      line(
          "\u00a0",
          List.of(new Date(scene.from().toEpochMilli())),
          List.of(0.0),
          Color.WHITE,
          ChartStyle.THIN,
          null);
    }
  }

  private void gaps() {
    List<Date> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Gap g : scene.gaps()) {
      double y = gapY(g.lane());
      segment(xs, ys, clip(g.from()), y, clip(g.to()), y);
    }
    line(labels.get("gap"), xs, ys, ChartStyle.GAP, GAP_BAND, GAP_SAMPLE);
  }

  private void markers() {
    for (MarkerKind kind : MarkerKind.values()) {
      List<Date> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (TimelineScene.Marker m : scene.markers()) {
        if (m.kind() == kind) {
          segment(xs, ys, m.time(), -0.5, m.time(), laneCount - 0.5 + HEADROOM);
        }
      }
      BasicStroke stroke = kind == MarkerKind.NOTICE ? ChartStyle.DOTTED : ChartStyle.DASHED;
      line(
          labels.get("marker." + kind.name().toLowerCase(Locale.ROOT)),
          xs,
          ys,
          markerColor(kind),
          stroke,
          stroke);
    }
  }

  private void links() {
    for (LinkKind kind : LinkKind.values()) {
      List<Date> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (Link l : scene.links()) {
        if (l.kind() == kind) {
          segment(
              xs, ys, l.from(), y(l.fromLane(), l.fromUpper()), l.to(), y(l.toLane(), l.toUpper()));
        }
      }
      String name =
          kind == LinkKind.ANSWER
              ? labels.get("link.answer")
              : kind == LinkKind.PATH ? labels.get("link.path") : null;
      if (name == null) {
        // the lost path shares the legend entry of the X it ends in
        line("\u00a0\u00a0", xs, ys, ChartStyle.LOST, ChartStyle.DASHED, null);
      } else {
        BasicStroke stroke = kind == LinkKind.ANSWER ? ChartStyle.THIN : ChartStyle.DOTTED;
        line(
            name,
            xs,
            ys,
            kind == LinkKind.ANSWER ? ChartStyle.LINK : new Color(0x6f8fb8),
            stroke,
            stroke);
      }
    }
  }

  private void marks() {
    for (MarkKind kind : MarkKind.values()) {
      List<Date> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (Mark m : scene.marks()) {
        if (m.kind() == kind) {
          xs.add(new Date(m.time().toEpochMilli()));
          ys.add(y(m.lane(), m.upper()));
        }
      }
      if (xs.isEmpty()) {
        continue;
      }
      scatter(labels.get("mark." + camel(kind)), xs, ys, markerOf(kind), colorOf(kind));
    }
  }

  private void evidence() {
    List<Date> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Mark m : scene.marks()) {
      if (m.emphasised()) {
        xs.add(new Date(m.time().toEpochMilli()));
        ys.add(y(m.lane(), m.upper()));
      }
    }
    if (xs.isEmpty() || scene.focusCode() == null) {
      return;
    }
    scatter(
        labels.get("mark.evidence", scene.focusCode()), xs, ys, new Ring(), ChartStyle.EVIDENCE);
  }

  /** A line series unless empty, with a legend entry drawn in {@code legendStroke} (null: none). */
  private void line(
      String name,
      List<Date> xs,
      List<Double> ys,
      Color color,
      BasicStroke stroke,
      BasicStroke legendStroke) {
    if (xs.isEmpty()) {
      return;
    }
    line(name, xs, ys, color, stroke);
    if (legendStroke != null) {
      legend.add(new Legend.Entry(name, color, null, legendStroke));
      texts.add(name);
    }
  }

  /** Two points and a null: XChart breaks a line series at a null value. */
  private static void segment(
      List<Date> xs, List<Double> ys, Instant a, double ya, Instant b, double yb) {
    xs.add(new Date(a.toEpochMilli()));
    ys.add(ya);
    xs.add(new Date(b.toEpochMilli()));
    ys.add(yb);
    xs.add(new Date(b.toEpochMilli()));
    ys.add(null);
  }

  private Instant clip(Instant t) {
    return t.isBefore(scene.from()) ? scene.from() : t.isAfter(scene.to()) ? scene.to() : t;
  }

  /** Lane bands and names, retransmission delays and marker labels, after XChart has painted. */
  void overlay(Graphics2D g) {
    ChartStyle.hints(g);
    Font small = ChartStyle.font(family, Font.PLAIN, ChartStyle.LABEL_PX);
    Font bold = ChartStyle.font(family, Font.BOLD, ChartStyle.LABEL_PX);
    double left = chart.getScreenXFromChart(scene.from().toEpochMilli());
    double right = chart.getScreenXFromChart(scene.to().toEpochMilli());
    for (int i = 0; i < scene.lanes().size(); i++) {
      Lane lane = scene.lanes().get(i);
      double top = chart.getScreenYFromChart(laneCount - 1 - i + 0.5);
      double bottom = chart.getScreenYFromChart(laneCount - 1 - i - 0.5);
      if (i > 0) {
        g.setColor(new Color(0xc8c8c8));
        g.setStroke(ChartStyle.THIN);
        g.draw(new Line2D.Double(left, top, right, top));
      }
      FontMetrics fm = g.getFontMetrics(bold);
      label(
          g, bold, lane.label(), left + 6, bottom - fm.getHeight() - 2, new Color(0x33476b), false);
    }
    gapLabels(g, small);
    delays(g, small);
    markerLabels(g, small);
  }

  /**
   * The delay beside each retransmission, largest first, skipping any that would overlap one
   * already placed.
   */
  private void delays(Graphics2D g, Font font) {
    List<Mark> rs =
        scene.marksOf(MarkKind.RETRANSMISSION).stream()
            .filter(m -> m.label() != null)
            .sorted(Comparator.comparingDouble((Mark m) -> -parse(m.label())))
            .toList();
    FontMetrics fm = g.getFontMetrics(font);
    int drawn = 0;
    for (Mark m : rs) {
      if (drawn >= MAX_LABELS) {
        break;
      }
      double x = chart.getScreenXFromChart(m.time().toEpochMilli());
      double y = chart.getScreenYFromChart(y(m.lane(), m.upper()));
      Rectangle2D r =
          new Rectangle2D.Double(
              x - fm.stringWidth(m.label()) / 2.0 - 2,
              y - 10 - fm.getAscent() - 2,
              fm.stringWidth(m.label()) + 4,
              fm.getHeight());
      if (occupied.stream().anyMatch(p -> p.intersects(r))) {
        continue;
      }
      occupied.add(r);
      label(g, font, m.label(), r.getX() + 2, r.getY(), ChartStyle.RETRANSMISSION.darker());
      drawn++;
    }
  }

  /** The length of each gap, in its band, where it fits. */
  private void gapLabels(Graphics2D g, Font font) {
    FontMetrics fm = g.getFontMetrics(font);
    for (Gap gap : dense ? List.<Gap>of() : scene.gaps()) {
      String text = Scenes.seconds(Math.round(gap.seconds() * 10) / 10.0) + " s";
      double x1 = chart.getScreenXFromChart(clip(gap.from()).toEpochMilli());
      double x2 = chart.getScreenXFromChart(clip(gap.to()).toEpochMilli());
      if (x2 - x1 < fm.stringWidth(text) + 8) {
        continue;
      }
      double y = chart.getScreenYFromChart(gapY(gap.lane()));
      g.setFont(font);
      g.setColor(ChartStyle.ALARM);
      float tx = (float) ((x1 + x2) / 2 - fm.stringWidth(text) / 2.0);
      g.drawString(text, tx, (float) (y + fm.getAscent() / 2.0 - 1));
      texts.add(text);
    }
  }

  /**
   * Marker names along the plot's top edge in three rows, alarms and moves first, then the rest
   * where they fit without overlapping; a name already shown within the same second is not
   * repeated.
   */
  private void markerLabels(Graphics2D g, Font font) {
    FontMetrics fm = g.getFontMetrics(font);
    double top = chart.getScreenYFromChart(laneCount - 0.5 + HEADROOM);
    double plotLeft = chart.getScreenXFromChart(scene.from().toEpochMilli());
    double plotRight = chart.getScreenXFromChart(scene.to().toEpochMilli());
    List<List<double[]>> rows = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<TimelineScene.Marker> ordered = new ArrayList<>(scene.markers());
    ordered.sort(
        Comparator.comparing((TimelineScene.Marker m) -> !m.emphasised())
            .thenComparingInt(m -> PRIORITY.indexOf(m.kind())));
    List<TimelineScene.Marker> shown = new ArrayList<>();
    for (TimelineScene.Marker m : ordered) {
      if (shown.size() >= MAX_LABELS
          || shown.stream()
              .anyMatch(
                  x ->
                      x.label().equals(m.label())
                          && Math.abs(Duration.between(x.time(), m.time()).toMillis()) < 1000)) {
        continue;
      }
      double line = chart.getScreenXFromChart(m.time().toEpochMilli());
      int w = fm.stringWidth(m.label());
      // right of its line where there is room, else left of it
      placing:
      for (double x : new double[] {line + 3, line - 3 - w}) {
        if (x < plotLeft || x + w > plotRight + 40) {
          continue; // would be cut at the picture's edge
        }
        double[] span = {x - 2, x + w + 4};
        for (int row = 0; row < rows.size(); row++) {
          double y = top + 3 + row * (fm.getHeight() + 1);
          Rectangle2D r = new Rectangle2D.Double(span[0], y, span[1] - span[0], fm.getHeight());
          if (rows.get(row).stream().noneMatch(o -> o[0] < span[1] && span[0] < o[1])
              && occupied.stream().noneMatch(o -> o.intersects(r))) {
            rows.get(row).add(span);
            label(
                g,
                m.emphasised() ? ChartStyle.font(family, Font.BOLD, ChartStyle.LABEL_PX) : font,
                m.label(),
                x,
                y,
                markerColor(m.kind()).darker());
            shown.add(m);
            break placing;
          }
        }
      }
    }
  }

  private static final List<MarkerKind> PRIORITY =
      List.of(
          MarkerKind.FAILOVER,
          MarkerKind.FALLBACK,
          MarkerKind.ALARM,
          MarkerKind.NETWORK,
          MarkerKind.ADDRESS,
          MarkerKind.NOTICE);

  private void label(Graphics2D g, Font font, String text, double x, double y, Color color) {
    label(g, font, text, x, y, color, true);
  }

  private void label(
      Graphics2D g, Font font, String text, double x, double y, Color color, boolean backdrop) {
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    if (backdrop) {
      g.setColor(new Color(255, 255, 255, 210));
      g.fill(new Rectangle2D.Double(x - 2, y, fm.stringWidth(text) + 4, fm.getHeight()));
    }
    g.setColor(color);
    g.drawString(text, (float) x, (float) (y + fm.getAscent()));
    texts.add(text);
  }

  private static double parse(String delayLabel) {
    try {
      return Double.parseDouble(delayLabel.replaceAll("[^0-9.]", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static String camel(MarkKind k) {
    String[] parts = k.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }

  static Marker markerOf(MarkKind k) {
    switch (k) {
      case REGISTRATION:
        return SeriesMarkers.SQUARE;
      case REFRESH:
        return SeriesMarkers.CIRCLE;
      case KEEPALIVE:
        return SeriesMarkers.DIAMOND;
      case DEREGISTRATION:
        return SeriesMarkers.RECTANGLE;
      case ANSWER:
        return SeriesMarkers.TRIANGLE_DOWN;
      case REJECTED:
        return SeriesMarkers.SQUARE;
      case RETRANSMISSION:
        return SeriesMarkers.TRIANGLE_UP;
      case UNANSWERED:
        return SeriesMarkers.PLUS;
      default:
        return SeriesMarkers.CROSS;
    }
  }

  static Color colorOf(MarkKind k) {
    switch (k) {
      case REGISTRATION:
        return ChartStyle.REQUEST;
      case REFRESH:
        return ChartStyle.REFRESH;
      case KEEPALIVE:
        return ChartStyle.KEEPALIVE;
      case DEREGISTRATION:
        return ChartStyle.DEREGISTRATION;
      case ANSWER:
        return ChartStyle.ANSWER;
      case REJECTED:
        return ChartStyle.REJECTED;
      case RETRANSMISSION:
        return ChartStyle.RETRANSMISSION;
      default:
        return ChartStyle.LOST;
    }
  }

  static Color markerColor(MarkerKind k) {
    switch (k) {
      case ALARM:
        return ChartStyle.ALARM;
      case NOTICE:
        return ChartStyle.NOTICE;
      case NETWORK:
        return ChartStyle.NETWORK;
      case ADDRESS:
        return ChartStyle.ADDRESS;
      case FAILOVER:
        return ChartStyle.FAILOVER;
      default:
        return ChartStyle.FALLBACK;
    }
  }

  /** A ring around an evidence mark, larger than the mark itself. */
  static final class Ring extends Marker {
    private static final BasicStroke STROKE = new BasicStroke(3f);

    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
      double d = size * 2.2;
      g.setStroke(STROKE);
      g.draw(new Ellipse2D.Double(x - d / 2, y - d / 2, d, d));
    }
  }
}
