package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.analysis.Analyzer;
import dev.regdoc.analysis.FaultManifest;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.Tier;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.knowledge.CaseStudy;
import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.testing.TestAnalyzers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One lesson per fault the rules know, shipped in {@code knowledge-base/lessons/fault-<code>/}: the
 * files of the fault's first found-in fixture of the manifest, byte for byte (the fixture generator
 * and the lab's recordings stay the one source), and nothing else beside them.
 */
class FaultLessonsTest {
  static final Path LESSONS = Path.of("knowledge-base/lessons");
  static final String PREFIX = "fault-";

  /**
   * The codes of the manifest that are verdicts on the evidence, not faults: no lesson teaches
   * them. {@link #verdictsAreNotFaults} checks that the rules rank each as a note or an undecided
   * choice, so a fault cannot hide here.
   */
  static final Set<String> VERDICTS =
      Set.of(
          "no-fault-found",
          "nothing-read",
          "no-registration-evidence",
          "evidence-missing",
          "undetermined",
          "encrypted-signaling");

  private static FaultManifest manifest;
  private static Analyzer analyzer;

  @BeforeAll
  static void load() throws IOException {
    manifest = FaultManifest.load(Path.of(FaultManifest.PATH));
    analyzer = TestAnalyzers.repositoryRules();
  }

  @Test
  void everyFaultOfTheManifestHasALesson() {
    for (String code : manifest.codes()) {
      if (!VERDICTS.contains(code)) {
        assertThat(LESSONS.resolve(PREFIX + code))
            .as("the fault %s has no lesson: copy its first found-in fixture's files there", code)
            .isDirectory();
      }
    }
  }

  @Test
  void verdictsAreNotFaults() throws IOException {
    for (String code : VERDICTS) {
      List<Finding> found =
          analyse(firstFixture(code)).stream().filter(f -> f.code().equals(code)).toList();
      assertThat(found).as("%s in its first found-in fixture", code).isNotEmpty();
      assertThat(found)
          .as("%s is ranked as a verdict (note or undecided), not a fault", code)
          .allMatch(f -> f.tier() == Tier.NOTE || f.tier() == Tier.UNDETERMINED);
    }
  }

  /**
   * The shipped copy is the fixture: a fixture that changes fails here until it is copied again.
   */
  @Test
  void eachFaultLessonShipsItsFirstFixtureUnchanged() throws IOException {
    List<Path> folders = faultFolders();
    assertThat(folders).isNotEmpty();
    for (Path folder : folders) {
      String code = folder.getFileName().toString().substring(PREFIX.length());
      assertThat(manifest.codes()).as("%s: a fault of the manifest", folder).contains(code);
      List<Path> fixture = firstFixture(code);
      assertThat(names(list(folder)))
          .as("%s: exactly the files of %s", folder, manifest.fault(code).orElseThrow().foundIn())
          .isEqualTo(names(fixture));
      for (Path f : fixture) {
        assertThat(Files.readAllBytes(folder.resolve(f.getFileName().toString())))
            .as("%s/%s differs from %s: copy it again", folder, f.getFileName(), f)
            .isEqualTo(Files.readAllBytes(f));
      }
    }
  }

  /** Each fault lesson's files show its fault, as a fault (not a note), to regdoc's own rules. */
  @Test
  void eachFaultLessonsFilesShowItsFault() throws IOException {
    for (Path folder : faultFolders()) {
      String code = folder.getFileName().toString().substring(PREFIX.length());
      assertThat(analyse(list(folder)))
          .as("%s: the analysis of its files", folder)
          .anyMatch(f -> f.code().equals(code) && f.tier().compareTo(Tier.SYMPTOM) <= 0);
    }
  }

  /** What ships under lessons/ is a case study's files or a fault's, nothing else. */
  @Test
  void everyLessonFolderIsACaseStudyOrAFault() throws IOException {
    Set<String> caseStudies =
        KnowledgeBase.load(Path.of("knowledge-base")).caseStudies().stream()
            .map(CaseStudy::id)
            .collect(Collectors.toSet());
    try (Stream<Path> s = Files.list(LESSONS)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        assertThat(caseStudies.contains(name) || name.startsWith(PREFIX))
            .as("%s is neither a case study's lesson nor a fault's", p)
            .isTrue();
      }
    }
  }

  /** The shipped lessons stay small: every fault's files together. */
  @Test
  void faultLessonsStaySmall() throws IOException {
    long bytes = 0;
    for (Path folder : faultFolders()) {
      for (Path f : list(folder)) {
        bytes += Files.size(f);
      }
    }
    assertThat(bytes).as("bytes of every fault lesson's files").isLessThan(1_000_000);
  }

  private static List<Path> firstFixture(String code) throws IOException {
    return FaultManifest.files(manifest.fault(code).orElseThrow().foundIn().get(0));
  }

  private static List<Finding> analyse(List<Path> files) {
    return analyzer.analyze(files.stream().map(InputFile::of).toList()).findings();
  }

  private static List<Path> faultFolders() throws IOException {
    try (Stream<Path> s = Files.list(LESSONS)) {
      return s.filter(p -> p.getFileName().toString().startsWith(PREFIX)).sorted().toList();
    }
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.sorted().toList();
    }
  }

  private static List<String> names(List<Path> files) {
    return files.stream().map(p -> p.getFileName().toString()).sorted().toList();
  }
}
