package dev.regdoc.analysis;

import dev.regdoc.diagnosis.Finding;
import dev.regdoc.ingest.FileReport;
import dev.regdoc.timeline.Timeline;
import java.util.List;

/**
 * The outcome of one analysis: what each file was, the timeline, and the ranked findings.
 *
 * @param diagnosisMillis time the rule session took (for the benchmark and the logs)
 */
public record Analysis(List<FileReport> files, Timeline timeline, List<Finding> findings, long factCount, long diagnosisMillis) {

  public boolean anythingRead() {
    return files.stream().anyMatch(FileReport::read);
  }
}
