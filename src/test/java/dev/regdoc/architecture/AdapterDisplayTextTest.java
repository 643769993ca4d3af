package dev.regdoc.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the chat adapters (Slack, Discord) say to people is in the knowledge base in English and
 * Japanese (team-chat.yaml), never a sentence in Java: a Japanese user would get it in English. A
 * string literal that reads like English words is refused unless its statement is a log line or an
 * exception (the operator's words when regdoc cannot start, or a cause that is logged, not shown).
 */
class AdapterDisplayTextTest {
  private static final Path ADAPTERS = Path.of("src/main/java/dev/regdoc/adapter");
  private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*+");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*+)\"");
  private static final Pattern WORD = Pattern.compile("(?<![\\w:/.<#@-])[A-Za-z]{2,}+(?![\\w:/.])");

  /** A statement whose words are for the operator or the logs, not a chat user. */
  private static final Pattern NOT_FOR_USERS =
      Pattern.compile("\\blog\\s*+\\.\\s*+(?:trace|debug|info|warn|error)\\b|Exception\\s*+\\(");

  private static final String OPERATOR = "said to the operator when regdoc cannot start";

  /**
   * Literals that read like words but are no display text, each with why: names, commands the
   * engine understands in either language, protocol words, and the operator's words at start.
   */
  private static final Map<String, String> NOT_DISPLAY_TEXT =
      Map.ofEntries(
          Map.entry("Discord", "the platform's name, the same in every language"),
          Map.entry("Slack", "the platform's name, the same in every language"),
          Map.entry("teach me", "the engine's command, understood in every language"),
          Map.entry("new case", "the engine's command, understood in every language"),
          Map.entry("Authorization", "an HTTP header"),
          Map.entry("Bearer ", "an HTTP authorization scheme"),
          Map.entry("Content-Type", "an HTTP header"),
          Map.entry("POST only", "HTTP answer to a caller that is not Slack"),
          Map.entry("internal error", "HTTP answer to a caller that is not Slack"),
          Map.entry("request too large", "HTTP answer to a caller that is not Slack"),
          Map.entry("not a Slack request", "HTTP answer to a caller that is not Slack"),
          Map.entry("x(app|oxb|oxp)-[A-Za-z0-9-]+", "a pattern of Slack's tokens"),
          Map.entry("the bot token (OAuth & Permissions > Bot User OAuth Token)", OPERATOR),
          Map.entry(
              "the app-level token with connections:write (Basic Information > App-Level Tokens)",
              OPERATOR),
          Map.entry("the signing secret (Basic Information > App Credentials)", OPERATOR));

  @Test
  void noEnglishSentenceIsWrittenInTheAdapters() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path p : sources()) {
      String code = COMMENT.matcher(Files.readString(p)).replaceAll("");
      // the code with every literal blanked, so that a ';' in a literal ends no statement
      String blanked =
          STRING.matcher(code).replaceAll(r -> "\"" + "_".repeat(r.end() - r.start() - 2) + "\"");
      Matcher m = STRING.matcher(code);
      while (m.find()) {
        String literal = m.group(1);
        if (readsLikeWords(literal)
            && !NOT_DISPLAY_TEXT.containsKey(literal)
            && !NOT_FOR_USERS.matcher(statement(blanked, m.start())).find()) {
          found.add(ADAPTERS.relativize(p) + ": \"" + literal + "\"");
        }
      }
    }
    assertThat(found).as("English display text in the adapters' Java").isEmpty();
  }

  @Test
  void theCheckTellsWordsFromIdentifiers() {
    assertThat(readsLikeWords("No file could be read.")).isTrue();
    assertThat(readsLikeWords(" you are sending requests faster than regdoc answers ")).isTrue();
    assertThat(readsLikeWords("Downloading ")).isTrue();
    assertThat(readsLikeWords("Ruled out")).isTrue();
    assertThat(readsLikeWords("regdoc:")).isFalse();
    assertThat(readsLikeWords("discord:dm:")).isFalse();
    assertThat(readsLikeWords("REGDOC_DISCORD_FILE_HOSTS")).isFalse();
    assertThat(readsLikeWords("cdn.discordapp.com")).isFalse();
    assertThat(readsLikeWords("https")).isFalse();
    assertThat(readsLikeWords("team-slow-down")).isFalse();
    assertThat(readsLikeWords("<#")).isFalse();
    assertThat(readsLikeWords(".png")).isFalse();
  }

  /**
   * Words a person reads: two words, or one capitalised word followed by a space or a sentence's
   * end ("Downloading ", "Fix"), not an id, key, host, path or constant.
   */
  static boolean readsLikeWords(String literal) {
    if (literal.matches("[a-z0-9]++(?:[-_.:][a-z0-9]++)*+[-_.:]?+")
        || literal.matches("[A-Z0-9_]++")) {
      return false; // a key, an id prefix, a host, a constant's name
    }
    Matcher m = WORD.matcher(literal);
    int words = 0;
    while (m.find()) {
      words++;
    }
    return words >= 2 || (words == 1 && literal.matches("(?s).*\\b[A-Z][a-z]++\\b.*"));
  }

  /** The statement around {@code at}: from the last ';', '{' or '}' before it to the next one. */
  private static String statement(String blanked, int at) {
    int from = at;
    while (from > 0 && ";{}".indexOf(blanked.charAt(from - 1)) < 0) {
      from--;
    }
    int to = at;
    while (to < blanked.length() && ";{}".indexOf(blanked.charAt(to)) < 0) {
      to++;
    }
    return blanked.substring(from, to);
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(ADAPTERS)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
