package dev.regdoc.analysis;

import dev.regdoc.diagnosis.Finding;
import dev.regdoc.ingest.FileReport;
import dev.regdoc.timeline.Timeline;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of one analysis: what each file was, the timeline, and the ranked findings.
 *
 * @param diagnosisMillis time the rule session took (for the benchmark and the logs)
 * @param stopped where the time limit stopped the analysis, so that its findings come from part of the files;
 *     null when it finished
 */
public record Analysis(List<FileReport> files, Timeline timeline, List<Finding> findings, long factCount, long diagnosisMillis,
    Stop stopped) {

  /**
   * Where an analysis ran into its time limit.
   *
   * @param file the file whose reading was stopped; null when reading was done and the judging ran out of time
   */
  public record Stop(Duration limit, String file) {}

  public Analysis(List<FileReport> files, Timeline timeline, List<Finding> findings, long factCount, long diagnosisMillis) {
    this(files, timeline, findings, factCount, diagnosisMillis, null);
  }

  public boolean anythingRead() {
    return files.stream().anyMatch(FileReport::read);
  }

  /** True when the time limit stopped the analysis before it had read and judged everything. */
  public boolean partial() {
    return stopped != null;
  }
}
