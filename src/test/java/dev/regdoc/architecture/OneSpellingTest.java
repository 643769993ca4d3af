package dev.regdoc.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Names the code would otherwise spell in several places, each spelled in one: the timeline's event
 * kinds (the ids the JSON of every pinned timeline uses) only in their enum, and the TLS signaling
 * ports only in the one list of signaling ports. A second spelling drifts from the first unnoticed:
 * a renamed kind a consumer still compares with, a port one list gained and another did not.
 */
class OneSpellingTest {
  private static final Path MAIN = Path.of("src/main/java/dev/regdoc");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/timeline");
  private static final Pattern KIND = Pattern.compile("\"kind\" : \"([a-z-]++)\"");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*+)\"");
  private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*+");
  private static final Pattern TLS_PORT = Pattern.compile("\\b(?:5061|2443)\\b");

  @Test
  void everyEventKindIdIsSpelledOnlyInItsEnum() throws IOException {
    Set<String> ids = kindIds();
    assertThat(ids).as("kind ids in the golden timelines").contains("tcp-retransmission");
    List<String> elsewhere = new ArrayList<>();
    for (Path p : sources()) {
      if (p.getFileName().toString().equals("EventKind.java")) {
        continue;
      }
      Matcher m = STRING.matcher(COMMENT.matcher(Files.readString(p)).replaceAll(""));
      while (m.find()) {
        if (ids.contains(m.group(1))) {
          elsewhere.add(MAIN.relativize(p) + ": \"" + m.group(1) + "\"");
        }
      }
    }
    assertThat(elsewhere).as("event kind ids spelled outside EventKind").isEmpty();
  }

  @Test
  void theTlsSignalingPortsAreListedOnce() throws IOException {
    List<String> listing = new ArrayList<>();
    for (Path p : sources()) {
      String code =
          STRING.matcher(COMMENT.matcher(Files.readString(p)).replaceAll("")).replaceAll("\"\"");
      if (TLS_PORT.matcher(code).find()) {
        listing.add(MAIN.relativize(p).toString());
      }
    }
    assertThat(listing).as("files that list the TLS signaling ports").hasSize(1);
  }

  private static Set<String> kindIds() throws IOException {
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(GOLDEN)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        Matcher m = KIND.matcher(Files.readString(p));
        while (m.find()) {
          ids.add(m.group(1));
        }
      }
    }
    return ids;
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
