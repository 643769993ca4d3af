package dev.regdoc.cli;

import dev.regdoc.capture.CaptureReader;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.InputKind;
import dev.regdoc.facts.TextReader;
import dev.regdoc.ingest.IngestService;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import java.util.List;
import java.util.Map;

/** Reads the files named on the command line into facts, for their timeline. */
final class Reading {
  final FactCollector facts = new FactCollector();
  final List<FileReport> reports;

  Reading(InputOptions in) {
    IngestService ingest =
        new IngestService(new CaptureReader(in.ports()), textReaders(), in.limits()).timelineOnly();
    reports = ingest.ingest(in.files.stream().map(InputFile::of).toList(), facts);
  }

  static Map<InputKind, TextReader> textReaders() {
    return TextReaders.defaults();
  }

  boolean anythingRead() {
    return reports.stream().anyMatch(FileReport::read);
  }
}
