package dev.regdoc.charts;

import dev.regdoc.charts.LadderScene.Participant;
import dev.regdoc.charts.LadderScene.Row;
import dev.regdoc.charts.LadderScene.Style;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The ladder as plain text for a terminal: one column per participant, one line per message with
 * its time and frame, an arrow between the columns ({@code --->} arrived, {@code ~~~>} TCP
 * retransmission, {@code ---X} never arrived, {@code o} a note) and what the message was. {@code *}
 * marks evidence.
 */
final class LadderText {
  static final int COLUMN = 22;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private LadderText() {}

  static String render(LadderScene s, Labels labels) {
    StringBuilder out = new StringBuilder();
    out.append(s.title()).append('\n');
    if (!s.subtitle().isEmpty()) {
      out.append(s.subtitle()).append('\n');
    }
    if (s.from() != null) {
      out.append(
              labels.get(
                  "ladder.window",
                  DAY.format(s.from()),
                  s.to() == null ? "" : DAY.format(s.to()),
                  s.referenceFile()))
          .append('\n');
    }
    int citeWidth =
        Math.max(
            labels.get("ladder.frame").length(),
            s.rows().stream().mapToInt(r -> r.cite().length()).max().orElse(5));
    String gutter = " ".repeat(12 + 2 + citeWidth + 3);
    out.append('\n');
    out.append(pad(labels.get("ladder.time") + " (UTC)", 14))
        .append(pad(labels.get("ladder.frame"), citeWidth + 3))
        .append(columns(s.participants(), true))
        .append('\n');
    out.append(gutter).append(columns(s.participants(), false)).append('\n');
    int middle = s.middle();
    for (Row r : s.rows()) {
      out.append(TIME.format(r.time()))
          .append("  ")
          .append(pad(r.cite(), citeWidth))
          .append(r.emphasised() ? " * " : "   ");
      out.append(graphic(r, s.participants().size(), middle)).append("  ").append(r.label());
      if (r.note() != null) {
        out.append(": ").append(r.note());
      }
      if (r.alsoAt() != null) {
        out.append("  [").append(Scenes.alsoAt(labels, r.alsoAt())).append(']');
      }
      out.append('\n');
    }
    if (s.omitted() > 0) {
      out.append(labels.get("ladder.more", s.omitted())).append('\n');
    }
    return out.toString();
  }

  private static String columns(List<Participant> ps, boolean names) {
    StringBuilder sb = new StringBuilder();
    for (Participant p : ps) {
      String t = names ? p.name() : p.detail();
      sb.append(center(t == null ? "" : t, COLUMN));
    }
    return sb.toString().stripTrailing();
  }

  /** The lifelines with this row's arrow or note drawn across them. */
  static String graphic(Row r, int participants, int middle) {
    char[] line = new char[participants * COLUMN];
    Arrays.fill(line, ' ');
    for (int i = 0; i < participants; i++) {
      line[center(i)] = '|';
    }
    int a = center(r.from());
    int b = center(r.to());
    if (r.style() == Style.NOTE) {
      for (int i = Math.min(r.from(), r.to()); i <= Math.max(r.from(), r.to()); i++) {
        line[center(i)] = 'o';
      }
      return new String(line);
    }
    char dash = r.style() == Style.RETRANSMISSION ? '~' : '-';
    int dir = b > a ? 1 : -1;
    int end = b;
    if (r.style() == Style.LOST) {
      end = r.passes(middle) ? center(middle) : (a + b) / 2;
    }
    for (int x = a + dir; x != end; x += dir) {
      line[x] = dash;
    }
    if (r.style() == Style.LOST) {
      line[end] = 'X';
    } else {
      line[end - dir] = dir > 0 ? '>' : '<';
    }
    return new String(line);
  }

  private static int center(int column) {
    return column * COLUMN + COLUMN / 2;
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s : s + " ".repeat(w - s.length());
  }

  private static String center(String s, int w) {
    String t = s.length() > w - 2 ? s.substring(0, w - 2) : s;
    int left = (w - t.length()) / 2;
    return " ".repeat(left) + t + " ".repeat(w - t.length() - left);
  }
}
