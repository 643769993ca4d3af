package dev.regdoc.testing;

import dev.regdoc.analysis.Analyzer;
import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.TextReaders;
import java.nio.file.Path;

/**
 * The analyzer the product runs, on the repository's rules/ and every default: what the diagnosis
 * tests analyze their fixtures with.
 */
public final class TestAnalyzers {
  private TestAnalyzers() {}

  /** A new analyzer on the repository's rules, compiled afresh (no cache). */
  public static Analyzer repositoryRules() {
    return new Analyzer(
        RuleBase.load(Path.of("rules")),
        TextReaders.defaults(),
        IngestLimits.defaults(),
        SignalingPorts.defaults());
  }
}
