package dev.regdoc.charts;

import dev.regdoc.common.BoundedMap;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks a font that can draw every label of a picture. Java's logical "SansSerif" may silently draw
 * boxes for Japanese on a machine without a Japanese font, so a physical family is chosen whose
 * glyphs cover all the text ({@link Font#canDisplayUpTo}); Debian's fonts-ipafont-gothic provides
 * one.
 */
public final class Fonts {
  /** Preferred families, Latin first (crisper for English), then Japanese-capable ones. */
  static final List<String> PREFERRED =
      List.of(
          "DejaVu Sans",
          "IPAPGothic",
          "IPAGothic",
          "Noto Sans CJK JP",
          "Noto Sans JP",
          "VL PGothic",
          "VL Gothic",
          "TakaoPGothic",
          "Droid Sans Fallback");

  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final Set<String> INSTALLED =
      Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());

  /**
   * Keyed by the pictures' non-ASCII characters, which come from captures and chats: bounded, and
   * shared under its lock.
   */
  private static final Map<String, String> CHOSEN = BoundedMap.leastRecentlyUsedOut(256);

  private Fonts() {}

  /**
   * The first preferred installed family that displays every text; then any installed one; else
   * "SansSerif".
   */
  public static String familyFor(Collection<String> texts) {
    String all = String.join("\n", texts);
    String key =
        all.chars()
            .filter(c -> c > 0x7f)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    synchronized (CHOSEN) {
      String known = CHOSEN.get(key);
      if (known != null) {
        return known;
      }
    }
    String family = choose(key); // outside the lock: it may try every installed family
    synchronized (CHOSEN) {
      CHOSEN.put(key, family);
    }
    return family;
  }

  private static String choose(String nonAscii) {
    for (String family : PREFERRED) {
      if (INSTALLED.contains(family) && displays(new Font(family, Font.PLAIN, 12), nonAscii)) {
        return family;
      }
    }
    for (String family : INSTALLED.stream().sorted().toList()) {
      if (displays(new Font(family, Font.PLAIN, 12), nonAscii + "Aa0")) {
        return family;
      }
    }
    return Font.SANS_SERIF;
  }

  /**
   * True when {@code font} has a real glyph (not the missing-glyph box) for every character of
   * {@code text}.
   */
  public static boolean displays(Font font, String text) {
    String printable = text.replaceAll("\\s", "");
    if (font.canDisplayUpTo(printable) != -1) {
      return false;
    }
    GlyphVector gv = font.createGlyphVector(FRC, printable);
    int missing = font.getMissingGlyphCode();
    for (int i = 0; i < gv.getNumGlyphs(); i++) {
      if (gv.getGlyphCode(i) == missing) {
        return false;
      }
    }
    return true;
  }
}
