package dev.regdoc.analysis;

import dev.regdoc.diagnosis.CauseSummary;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.facts.FileReport;
import dev.regdoc.timeline.DeviceInfo;
import dev.regdoc.timeline.Timeline;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The outcome of one analysis: what each file was, the timeline, the ranked findings, and one
 * summary per cause that many devices share (the findings of those causes are then shown only on
 * request).
 *
 * @param diagnosisMillis time the rule session took (for the benchmark and the logs)
 * @param stopped where the time limit stopped the analysis, so that its findings come from part of
 *     the files; null when it finished
 */
public record Analysis(
    List<FileReport> files,
    Timeline timeline,
    List<Finding> findings,
    List<CauseSummary> summaries,
    long factCount,
    long diagnosisMillis,
    Stop stopped,
    Set<String> rulesFired) {

  /** Without the names of the rules that fired (an analysis that did not reach the rules). */
  public Analysis(
      List<FileReport> files,
      Timeline timeline,
      List<Finding> findings,
      List<CauseSummary> summaries,
      long factCount,
      long diagnosisMillis,
      Stop stopped) {
    this(files, timeline, findings, summaries, factCount, diagnosisMillis, stopped, Set.of());
  }

  /**
   * Where an analysis ran into its time limit.
   *
   * @param file the file whose reading was stopped; null when reading was done and the judging ran
   *     out of time
   */
  public record Stop(Duration limit, String file) {}

  public Analysis(
      List<FileReport> files,
      Timeline timeline,
      List<Finding> findings,
      long factCount,
      long diagnosisMillis) {
    this(files, timeline, findings, List.of(), factCount, diagnosisMillis, null);
  }

  public boolean anythingRead() {
    return files.stream().anyMatch(FileReport::read);
  }

  /** True when the time limit stopped the analysis before it had read and judged everything. */
  public boolean partial() {
    return stopped != null;
  }

  /** The findings an answer lists one by one: those of causes that are not summarised. */
  public List<Finding> listedFindings() {
    Set<String> summarised = new HashSet<>();
    summaries.forEach(s -> summarised.add(s.code()));
    return findings.stream().filter(f -> !summarised.contains(f.code())).toList();
  }

  /** How many findings the summaries stand for (left out of the listed ones). */
  public int summarisedFindings() {
    return findings.size() - listedFindings().size();
  }

  /**
   * Whether the files hold device {@code id} (by id, SEP name, MAC or IP, as {@link #forDevice}
   * names it): in the timeline or in a finding.
   */
  public boolean holds(String id) {
    return (timeline != null && timeline.devices().stream().anyMatch(d -> names(d, id)))
        || findings.stream().anyMatch(f -> id.equalsIgnoreCase(f.device()));
  }

  /** The ids of the devices the timeline holds, in its order. */
  public List<String> deviceIds() {
    return timeline == null ? List.of() : timeline.devices().stream().map(DeviceInfo::id).toList();
  }

  private static boolean names(DeviceInfo d, String id) {
    return d.id().equalsIgnoreCase(id)
        || id.equalsIgnoreCase(d.name())
        || id.equalsIgnoreCase(d.mac())
        || d.ips().contains(id);
  }

  /** The same analysis with every finding listed, nothing summarised. */
  public Analysis unsummarised() {
    return new Analysis(
        files, timeline, findings, List.of(), factCount, diagnosisMillis, stopped, rulesFired);
  }

  /**
   * One device's findings, all of them listed: the device is named by its id, SEP name, MAC or IP,
   * case-insensitively, as the timeline knows it.
   */
  public Analysis forDevice(String id) {
    Set<String> names = new HashSet<>();
    names.add(id.toUpperCase(Locale.ROOT));
    if (timeline != null) {
      for (DeviceInfo d : timeline.devices()) {
        if (names(d, id)) {
          names.add(d.id().toUpperCase(Locale.ROOT));
        }
      }
    }
    List<Finding> mine =
        findings.stream()
            .filter(f -> f.device() != null && names.contains(f.device().toUpperCase(Locale.ROOT)))
            .toList();
    return new Analysis(
        files,
        timeline == null ? null : timeline.forDevice(id),
        mine,
        List.of(),
        factCount,
        diagnosisMillis,
        stopped,
        rulesFired);
  }
}
