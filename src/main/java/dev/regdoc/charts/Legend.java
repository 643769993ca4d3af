package dev.regdoc.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.style.markers.Marker;

/**
 * A legend that wraps onto as many rows as it needs (XChart's horizontal legend is a single row,
 * which a dozen entries overflow at this width).
 */
final class Legend {
  /** One entry: a marker shape, or a line when {@code marker} is null. */
  record Entry(String name, Color color, Marker marker, BasicStroke stroke) {}

  static final int ROW_PX = 26;
  private static final int SAMPLE_PX = 30;
  private static final int GAP_PX = 22;

  private final List<Entry> entries = new ArrayList<>();

  void add(Entry e) {
    if (entries.stream().noneMatch(x -> x.name().equals(e.name()))) {
      entries.add(e);
    }
  }

  List<Entry> entries() {
    return entries;
  }

  int height(FontMetrics fm, int width) {
    return rows(fm, width) * ROW_PX + 8;
  }

  private int rows(FontMetrics fm, int width) {
    int rows = entries.isEmpty() ? 0 : 1;
    int x = 0;
    for (Entry e : entries) {
      int w = width(e, fm);
      if (x > 0 && x + w > width) {
        rows++;
        x = 0;
      }
      x += w;
    }
    return rows;
  }

  /**
   * An entry's sample, its name and the space before the next one: what {@link #height} and {@link
   * #paint} wrap by.
   */
  private static int width(Entry e, FontMetrics fm) {
    return SAMPLE_PX + 6 + fm.stringWidth(e.name()) + GAP_PX;
  }

  /**
   * Draws the entries left to right from ({@code left}, {@code top}), wrapping at {@code width}.
   */
  void paint(Graphics2D g, Font font, int left, int top, int width) {
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    int x = 0;
    int y = top;
    for (Entry e : entries) {
      int w = width(e, fm);
      if (x > 0 && x + w > width) {
        y += ROW_PX;
        x = 0;
      }
      int cx = left + x;
      int cy = y + ROW_PX / 2;
      g.setColor(e.color());
      if (e.marker() != null) {
        e.marker().paint(g, cx + SAMPLE_PX / 2.0, cy, 11);
      } else {
        g.setStroke(e.stroke());
        g.draw(new Line2D.Double(cx, cy, cx + SAMPLE_PX, cy));
      }
      g.setColor(ChartStyle.TEXT);
      g.drawString(e.name(), cx + SAMPLE_PX + 6, cy + fm.getAscent() / 2 - 1);
      x += w;
    }
  }
}
