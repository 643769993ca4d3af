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
