package dev.regdoc.charts;

import dev.regdoc.charts.LadderScene.Participant;
import dev.regdoc.charts.LadderScene.Row;
import dev.regdoc.charts.LadderScene.Style;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The ladder drawn with Java2D (no charting library draws sequence diagrams): participant boxes,
 * life lines, one arrow per message with its label, time and frame in the left margin, evidence
 * rows shaded.
 */
final class LadderPng {
  static final int WIDTH = ChartStyle.WIDTH;
  static final int ROW_PX = 30;
  private static final int GUTTER = 250;
  private static final int HEAD = 156;
  private static final int FOOT = 40;
  private static final int BOX_TOP = 92;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final BasicStroke LINE = new BasicStroke(2f);
  private static final BasicStroke DASHED =
      new BasicStroke(
          2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f);
  private static final BasicStroke CROSS = new BasicStroke(3f);
  private static final Color LIFELINE = new Color(0xb8c2d6);

  private LadderPng() {}

  static int heightFor(LadderScene s) {
    return HEAD + Math.max(1, s.rows().size()) * ROW_PX + FOOT;
  }

  static RenderedLadder render(LadderScene s, Labels labels) {
    List<String> all =
        new ArrayList<>(
            List.of(
                s.title(),
                s.subtitle(),
                labels.get("ladder.window", "", "", s.referenceFile()),
                labels.get("ladder.more", 0)));
    s.participants()
        .forEach(
            p -> {
              all.add(p.name());
              all.add(p.detail());
            });
    s.rows().forEach(r -> all.add(text(r, labels)));
    String family = Fonts.familyFor(all);
    int height = heightFor(s);
    Canvas canvas = Canvas.white(WIDTH, height);
    Graphics2D g = canvas.graphics();
    List<String> texts = new ArrayList<>();
    Font title = ChartStyle.font(family, Font.BOLD, 22);
    Font head = ChartStyle.font(family, Font.BOLD, ChartStyle.LEGEND_PX);
    Font body = ChartStyle.font(family, Font.PLAIN, ChartStyle.LABEL_PX);
    Font mono = ChartStyle.font(family, Font.PLAIN, 14);
    draw(
        g,
        TimelineChart.fit(s.title(), g.getFontMetrics(title), WIDTH - 32),
        title,
        ChartStyle.TEXT,
        16,
        10,
        texts);
    int line2 = 40;
    if (!s.subtitle().isEmpty()) {
      Font sub = ChartStyle.font(family, Font.BOLD, ChartStyle.LEGEND_PX);
      draw(
          g,
          TimelineChart.fit(s.subtitle(), g.getFontMetrics(sub), WIDTH - 32),
          sub,
          ChartStyle.ALARM.darker(),
          16,
          38,
          texts);
      line2 = 62;
    }
    if (s.from() != null) {
      String w =
          labels.get(
              "ladder.window",
              DAY.format(s.from()),
              s.to() == null ? "" : TIME.format(s.to()),
              s.referenceFile());
      draw(g, w, body, new Color(0x555555), 16, line2, texts);
    }
    int n = s.participants().size();
    double step = (WIDTH - GUTTER - 40) / (double) Math.max(1, n);
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = GUTTER + step * i + step / 2;
      Participant p = s.participants().get(i);
      FontMetrics fm = g.getFontMetrics(head);
      String name = TimelineChart.fit(p.name(), fm, (int) step - 16);
      String detail =
          TimelineChart.fit(
              p.detail() == null ? "" : p.detail(), g.getFontMetrics(body), (int) step - 16);
      double bw = Math.max(fm.stringWidth(name), g.getFontMetrics(body).stringWidth(detail)) + 20;
      g.setColor(new Color(0xeef2fa));
      g.fill(new RoundRectangle2D.Double(xs[i] - bw / 2, BOX_TOP, bw, 52, 10, 10));
      g.setColor(LIFELINE);
      g.draw(new RoundRectangle2D.Double(xs[i] - bw / 2, BOX_TOP, bw, 52, 10, 10));
      drawCentered(g, name, head, new Color(0x1d2f55), xs[i], BOX_TOP + 4, texts);
      drawCentered(g, detail, body, new Color(0x555555), xs[i], BOX_TOP + 28, texts);
      g.setColor(LIFELINE);
      g.setStroke(LINE);
      g.draw(new Line2D.Double(xs[i], BOX_TOP + 52, xs[i], height - FOOT + 6));
    }
    int middle = s.middle();
    List<Integer> rowY = new ArrayList<>();
    for (int k = 0; k < s.rows().size(); k++) {
      Row r = s.rows().get(k);
      int top = HEAD + k * ROW_PX;
      int y = top + ROW_PX - 8;
      rowY.add(y);
      if (r.emphasised()) {
        g.setColor(new Color(255, 236, 170));
        g.fillRect(0, top + 1, WIDTH, ROW_PX - 2);
      }
      draw(g, TIME.format(r.time()), mono, ChartStyle.TEXT, 12, top + 6, texts);
      draw(
          g,
          TimelineChart.fit(r.cite(), g.getFontMetrics(mono), GUTTER - 120),
          mono,
          new Color(0x555555),
          112,
          top + 6,
          texts);
      row(g, r, xs, middle, step, body, top, y, labels, texts);
    }
    if (s.omitted() > 0) {
      draw(
          g,
          labels.get("ladder.more", s.omitted()),
          body,
          new Color(0x555555),
          16,
          height - FOOT + 12,
          texts);
    }
    return new RenderedLadder(
        s, canvas.png(), WIDTH, height, family, List.copyOf(texts), List.copyOf(rowY));
  }

  /** How much smaller a label too long for its arrow is set. */
  private static final float SMALLER = 0.82f;

  private static void row(
      Graphics2D g,
      Row r,
      double[] xs,
      int middle,
      double step,
      Font body,
      int top,
      int y,
      Labels labels,
      List<String> texts) {
    String label = text(r, labels);
    FontMetrics fm = g.getFontMetrics(body);
    if (r.style() == Style.NOTE) {
      double x1 = xs[Math.min(r.from(), r.to())];
      double x2 = xs[Math.max(r.from(), r.to())];
      String t = TimelineChart.fit(label, fm, (int) Math.max(step * 1.6, x2 - x1 + step * 0.8));
      double w = Math.max(x2 - x1 + 24, fm.stringWidth(t) + 16);
      double cx = (x1 + x2) / 2;
      double left = Math.min(Math.max(cx - w / 2, GUTTER - 10), WIDTH - 8 - w);
      g.setColor(new Color(0xfff4e0));
      g.fill(new RoundRectangle2D.Double(left, top + 4, w, ROW_PX - 8, 8, 8));
      g.setColor(ChartStyle.FAILOVER.darker());
      g.draw(new RoundRectangle2D.Double(left, top + 4, w, ROW_PX - 8, 8, 8));
      draw(g, t, body, ChartStyle.TEXT, left + 8, top + 5, texts);
      return;
    }
    double a = xs[r.from()];
    double b = xs[r.to()];
    double end = b;
    if (r.style() == Style.LOST) {
      end = r.passes(middle) ? xs[middle] : (a + b) / 2;
    }
    Color color =
        r.style() == Style.LOST
            ? ChartStyle.LOST
            : r.style() == Style.RETRANSMISSION
                ? ChartStyle.RETRANSMISSION.darker()
                : b > a ? ChartStyle.REQUEST : ChartStyle.ANSWER.darker();
    g.setColor(color);
    g.setStroke(r.style() == Style.MESSAGE ? LINE : DASHED);
    g.draw(new Line2D.Double(a, y, end, y));
    if (r.style() == Style.LOST) {
      g.setStroke(CROSS);
      g.draw(new Line2D.Double(end - 7, y - 7, end + 7, y + 7));
      g.draw(new Line2D.Double(end - 7, y + 7, end + 7, y - 7));
    } else {
      double dir = Math.signum(b - a);
      Path2D head = new Path2D.Double();
      head.moveTo(end, y);
      head.lineTo(end - dir * 11, y - 6);
      head.lineTo(end - dir * 11, y + 6);
      head.closePath();
      g.fill(head);
    }
    double spanLeft = Math.min(a, b);
    double span = Math.abs(b - a);
    // The label stays between the arrow's two lifelines, never across another column's: a long one
    // is set smaller, and cut only if it still does not fit.
    int room = (int) Math.max(span, step) - 12;
    Font font = fm.stringWidth(label) <= room ? body : body.deriveFont(body.getSize2D() * SMALLER);
    FontMetrics used = g.getFontMetrics(font);
    String t = TimelineChart.fit(label, used, room);
    double x = spanLeft + (span - used.stringWidth(t)) / 2;
    x = Math.min(Math.max(x, GUTTER - 10), WIDTH - 8 - used.stringWidth(t));
    draw(
        g,
        t,
        font,
        r.style() == Style.LOST ? ChartStyle.LOST.darker() : ChartStyle.TEXT,
        x,
        top,
        texts);
  }

  /** The row's words: the message, then what happened to it and where else it was seen. */
  static String text(Row r, Labels labels) {
    StringBuilder sb = new StringBuilder(r.label());
    if (r.note() != null) {
      sb.append(": ").append(r.note());
    }
    if (r.alsoAt() != null) {
      sb.append("  \u00b7 ").append(Scenes.alsoAt(labels, r.alsoAt()));
    }
    return sb.toString();
  }

  private static void draw(
      Graphics2D g, String text, Font font, Color color, double x, double top, List<String> texts) {
    g.setFont(font);
    g.setColor(color);
    g.drawString(text, (float) x, (float) (top + g.getFontMetrics().getAscent()));
    texts.add(text);
  }

  private static void drawCentered(
      Graphics2D g,
      String text,
      Font font,
      Color color,
      double cx,
      double top,
      List<String> texts) {
    g.setFont(font);
    draw(g, text, font, color, cx - g.getFontMetrics().stringWidth(text) / 2.0, top, texts);
  }
}
