package dev.regdoc.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.testing.FixtureFolder;
import dev.regdoc.timeline.event.EventKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The timeline of every fixture (the case studies, the rule scenarios and each scenario of the
 * namespace lab), pinned as the JSON of schema {@value Timeline#SCHEMA} and as the text table, in
 * {@code src/test/resources/golden/timeline/}. The JSON is a published contract: it changes only
 * with a new schema version. Golden files are rewritten with {@code -Dregdoc.updateGolden=true};
 * review the diff before committing it.
 */
class TimelineGoldenTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/timeline");
  private static final Pattern KIND = Pattern.compile("\"kind\" : \"([a-z-]++)\"");
  private static final Clock FIXED =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  static Stream<String> fixtures() {
    return FixtureFolder.all();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void jsonAndTextMatchTheGoldenFiles(String fixture) throws IOException {
    Timeline t = timeline(FIXTURES.resolve(fixture));
    String name = fixture.replace('/', '-');
    compare(GOLDEN.resolve(name + ".json"), TimelineJson.render(t) + "\n");
    compare(GOLDEN.resolve(name + ".txt"), TimelineText.render(t, true));
  }

  @Test
  void eventKindsNoFixtureHoldsMatchTheirGoldenFiles() throws IOException {
    Timeline t = new TimelineBuilder().build(RareEventFacts.collect(), RareEventFacts.reports());
    compare(GOLDEN.resolve("rare-event-kinds.json"), TimelineJson.render(t) + "\n");
    compare(GOLDEN.resolve("rare-event-kinds.txt"), TimelineText.render(t, true));
  }

  @Test
  void everyEventKindIsPinnedByAGoldenFileAndListedInTheReadme() throws IOException {
    Set<String> pinned = new TreeSet<>();
    try (Stream<Path> files = Files.list(GOLDEN)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        Matcher m = KIND.matcher(Files.readString(p));
        while (m.find()) {
          pinned.add(m.group(1));
        }
      }
    }
    Set<String> kinds = new TreeSet<>();
    Arrays.stream(EventKind.values()).map(EventKind::id).forEach(kinds::add);
    assertThat(pinned).as("kinds in the golden timelines").isEqualTo(kinds);
    String doc = Files.readString(Path.of("docs/json.md"));
    String listed = doc.substring(doc.indexOf("Event kinds:"), doc.indexOf("## Analysis JSON"));
    assertThat(kinds).allMatch(k -> listed.contains("`" + k + "`"), "listed in docs/json.md");
  }

  private static Timeline timeline(Path folder) {
    FixtureFolder read = FixtureFolder.read(folder, FIXED);
    return new TimelineBuilder().build(read.facts(), read.reports());
  }

  private static void compare(Path golden, String actual) throws IOException {
    if (Boolean.getBoolean("regdoc.updateGolden")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual);
    }
    assertThat(golden).as("golden file (create with -Dregdoc.updateGolden=true)").exists();
    assertThat(actual).isEqualTo(Files.readString(golden));
  }
}
