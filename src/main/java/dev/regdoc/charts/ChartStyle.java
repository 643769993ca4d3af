package dev.regdoc.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * Sizes, colours and fonts shared by the pictures. Sizes are chosen for Slack's inline preview,
 * which shows a 1280-pixel picture at about half size: the smallest text is 15 px (7-8 px in the
 * preview, still legible), titles and legends are larger.
 */
final class ChartStyle {
  static final int WIDTH = 1280;
  static final int TITLE_PX = 26;
  static final int LEGEND_PX = 17;
  static final int TICK_PX = 16;
  static final int LABEL_PX = 15;

  static final Color REQUEST = new Color(0x1f5fbf);
  static final Color REFRESH = new Color(0x1f77b4);
  static final Color KEEPALIVE = new Color(0x17becf);
  static final Color ANSWER = new Color(0x2ca02c);
  static final Color REJECTED = new Color(0xd62728);
  static final Color RETRANSMISSION = new Color(0xff7f0e);
  static final Color LOST = new Color(0xd62728);
  static final Color DEREGISTRATION = new Color(0x8c564b);
  static final Color EVIDENCE = new Color(0xe6a800);
  static final Color GAP = new Color(214, 39, 40, 55);
  static final Color ALARM = new Color(0xc00000);
  static final Color NOTICE = new Color(0x7f7f7f);
  static final Color NETWORK = new Color(0x9467bd);
  static final Color ADDRESS = new Color(0xe377c2);
  static final Color FAILOVER = new Color(0xff7f0e);
  static final Color FALLBACK = new Color(0x2ca02c);
  static final Color LINK = new Color(0x9a9a9a);
  static final Color TEXT = new Color(0x222222);

  static final BasicStroke THIN = new BasicStroke(1.2f);
  static final BasicStroke DASHED =
      new BasicStroke(
          2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
  static final BasicStroke DOTTED =
      new BasicStroke(
          1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f);

  private ChartStyle() {}

  /**
   * Fonts are immutable and every picture asks for the same few: made once per family, style and
   * size.
   */
  private static final Map<String, Font> FONTS = new ConcurrentHashMap<>();

  static Font font(String family, int style, int px) {
    return FONTS.computeIfAbsent(family + '|' + style + '|' + px, k -> new Font(family, style, px));
  }

  /** The common look of every XChart panel: white, no chart title box, legend below, UTC times. */
  static void apply(XYChart chart, String family) {
    XYStyler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(new Color(0xb0b0b0));
    s.setPlotGridLinesColor(new Color(0xe3e3e3));
    s.setChartFontColor(TEXT);
    s.setChartTitleBoxVisible(false);
    s.setChartTitleFont(font(family, Font.BOLD, TITLE_PX));
    s.setLegendFont(font(family, Font.PLAIN, LEGEND_PX));
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    s.setLegendBorderColor(Color.WHITE);
    s.setLegendSeriesLineLength(28);
    s.setAxisTickLabelsFont(font(family, Font.PLAIN, TICK_PX));
    s.setAxisTitleFont(font(family, Font.PLAIN, TICK_PX));
    s.setAnnotationTextFont(font(family, Font.PLAIN, LABEL_PX));
    s.setBaseFont(font(family, Font.PLAIN, TICK_PX));
    s.setTimezone(TimeZone.getTimeZone("UTC"));
    s.setMarkerSize(11);
    s.setChartPadding(12);
    s.setAntiAlias(true);
    s.setToolTipsEnabled(false);
  }

  static void hints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }
}
