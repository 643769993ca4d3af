package dev.regdoc.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Japanese writes a number and its unit of time together ("18分後", "5秒", "2時間"): one spelling in
 * every text of the knowledge base, so old and new texts of one answer do not read "18 分 後" beside
 * "18分後" (the pictures' Japanese labels too). A placeholder stands for a number, and one that
 * renders a unit ( {@code {x:minutes}}) for a number with its unit.
 */
class JapaneseUnitSpacingTest {
  /** A number or a placeholder, a space, then a unit of time. */
  static final Pattern SPACE_BEFORE_UNIT = Pattern.compile("(?:\\d|\\})[ \u3000]++(?:分|秒|時間)");

  /** A unit of time, or a placeholder that renders one, a space, then what follows it. */
  static final Pattern SPACE_AFTER_UNIT =
      Pattern.compile(
          "(?:(?<=\\d)(?:分|秒|時間)|:(?:minutes|seconds)\\}|\\{\\d\\}(?=[ \u3000]++後))"
              + "[ \u3000]++(?:後|ごと|おき|前|以内|以上|未満|間隔)");

  @Test
  void noSpaceBetweenANumberAndAJapaneseUnitOfTime() throws IOException {
    List<String> found = new ArrayList<>();
    // the knowledge base, and the Japanese labels the pictures draw
    try (Stream<Path> files =
        Stream.concat(
            Files.walk(Path.of("knowledge-base")), Files.walk(Path.of("src/main/resources")))) {
      for (Path f :
          files
              .filter(Files::isRegularFile)
              .filter(
                  f ->
                      f.toString().endsWith(".yaml")
                          || f.toString().endsWith(".md")
                          || f.toString().endsWith("_ja.properties"))
              .sorted()
              .toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          for (Pattern p : List.of(SPACE_BEFORE_UNIT, SPACE_AFTER_UNIT)) {
            Matcher m = p.matcher(lines.get(i));
            while (m.find()) {
              found.add(f + ":" + (i + 1) + ": \"" + m.group() + "\"");
            }
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theCheckSeesBothSpellingsItRefuses() {
    assertThat(SPACE_BEFORE_UNIT.matcher("約 {0} 分ごと").find()).isTrue();
    assertThat(SPACE_BEFORE_UNIT.matcher("18 分後").find()).isTrue();
    assertThat(SPACE_AFTER_UNIT.matcher("18分 後").find()).isTrue();
    assertThat(SPACE_AFTER_UNIT.matcher("約 {returnAfter:minutes} 後に").find()).isTrue();
    assertThat(SPACE_BEFORE_UNIT.matcher("約 {0}ごと、18分後、1 周期").find()).isFalse();
    assertThat(SPACE_AFTER_UNIT.matcher("約 {returnAfter:minutes}後に").find()).isFalse();
  }
}
