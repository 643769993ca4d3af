package dev.regdoc.chat.terminal;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown of replies ({@code **bold**} and {@code `code`}, see {@code Block.Text}) for a
 * terminal: bold and colour on a terminal that shows them, the bare words otherwise (a pipe, a
 * file, {@code NO_COLOR}), never the markers themselves.
 */
final class TerminalMarkdown {
  private static final Pattern BOLD = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
  private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
  private static final String ESC = "\u001b[";

  private final boolean styled;

  /**
   * @param styled true to show bold and colour (ANSI SGR codes): the output is a terminal
   */
  TerminalMarkdown(boolean styled) {
    this.styled = styled;
  }

  /** Whether this process's output should be styled: a terminal, not "dumb", no NO_COLOR. */
  static boolean styledTerminal(boolean interactive) {
    String term = System.getenv("TERM");
    return interactive
        && System.getenv("NO_COLOR") == null
        && term != null
        && !term.isEmpty()
        && !"dumb".equals(term);
  }

  String render(String text) {
    String bold = replace(BOLD, text, w -> styled ? ESC + "1m" + w + ESC + "22m" : w);
    return replace(CODE, bold, w -> styled ? ESC + "36m" + w + ESC + "39m" : w);
  }

  private static String replace(Pattern p, String text, Function<String, String> how) {
    Matcher m = p.matcher(text);
    return m.replaceAll(r -> Matcher.quoteReplacement(how.apply(r.group(1))));
  }
}
