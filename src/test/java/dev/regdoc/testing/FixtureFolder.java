package dev.regdoc.testing;

import dev.regdoc.capture.CaptureReader;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileReport;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.IngestService;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/** A fixture folder read as a user's upload of all its files (its README aside), in name order. */
public record FixtureFolder(FactCollector facts, List<FileReport> reports) {

  /** Where the fixtures are, relative to the project. */
  public static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  /**
   * Every fixture folder and every lab scenario ("lab/<scenario>"; lab/events holds the lab's event
   * logs, not a scenario), as names under {@link #FIXTURES}, sorted.
   */
  public static Stream<String> all() {
    return Stream.concat(
            folders(FIXTURES).filter(n -> !n.equals("lab")),
            folders(FIXTURES.resolve("lab")).filter(n -> !n.equals("events")).map(n -> "lab/" + n))
        .sorted();
  }

  private static Stream<String> folders(Path parent) {
    try (Stream<Path> s = Files.list(parent)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static FixtureFolder read(Path folder, Clock clock) {
    FactCollector facts = new FactCollector();
    List<FileReport> reports =
        new IngestService(new CaptureReader(), TextReaders.defaults(clock), IngestLimits.defaults())
            .ingest(inputs(folder), facts);
    return new FixtureFolder(facts, reports);
  }

  /** The folder's files but its README, in name order. */
  public static List<InputFile> inputs(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> !p.getFileName().toString().equals("README.md"))
          .sorted()
          .map(InputFile::of)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
