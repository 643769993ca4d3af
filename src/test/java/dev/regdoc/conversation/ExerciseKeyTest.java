package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.analysis.Analyzer;
import dev.regdoc.conversation.LessonGuides.Exercise;
import dev.regdoc.conversation.LessonGuides.LessonGuide;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.testing.TestAnalyzers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The find-the-frame exercises' answers as regdoc's own analysis of each lesson's shipped files
 * gives them, with the copies of each message that count as a near miss. The frames are the ones
 * the fixtures' READMEs and Wireshark show.
 */
class ExerciseKeyTest {
  private static final LessonGuides GUIDES = LessonGuides.load(Path.of("knowledge-base"));
  private static Analyzer analyzer;

  @BeforeAll
  static void rules() {
    analyzer = TestAnalyzers.repositoryRules();
  }

  @Test
  void proxyArpLessonPointsAtThePoisoningReplyAndTheFirstLostKeepalive() throws IOException {
    Analysis a = analyse("case-1-2-proxy-arp");
    ExerciseKey poison = key(a, "case-1-2-proxy-arp", "poisoning-arp-reply");
    assertThat(poison.file()).isEqualTo("phone.pcap");
    assertThat(poison.frame()).isEqualTo(55);
    assertThat(poison.copies()).as("the ASA's reply was seen once").isEmpty();

    ExerciseKey lost = key(a, "case-1-2-proxy-arp", "first-lost-keepalive");
    assertThat(lost.frame()).isEqualTo(57);
    assertThat(lost.copies())
        .as("its TCP retransmissions are copies of the same keepalive")
        .contains("phone.pcap#58", "phone.pcap#62")
        .doesNotContain("phone.pcap#57", "phone.pcap#64");

    ExerciseKey delay = key(a, "case-1-2-proxy-arp", "last-retransmission-delay");
    assertThat(delay.delay()).isGreaterThanOrEqualTo(6.2);
  }

  @Test
  void portSecurityLessonPointsAtTheLateRefreshItsCopiesAndTheFailover() throws IOException {
    Analysis a = analyse("case-2-port-security-aging");
    ExerciseKey late = key(a, "case-2-port-security-aging", "refresh-past-deadline");
    assertThat(late.frame()).isEqualTo(48);
    assertThat(late.copies())
        .as("the retransmission that got through, and the same segment in the CUCM capture")
        .containsExactlyInAnyOrder("phone.pcap#63", "cucm.pcap#47");
    assertThat(key(a, "case-2-port-security-aging", "refresh-retransmission-delay").delay())
        .isEqualTo(26.864);
    assertThat(key(a, "case-2-port-security-aging", "failover-frame").frame()).isEqualTo(54);
  }

  @Test
  void anExerciseOnAFindingTheAnalysisDidNotMakeHasNoKey() throws IOException {
    Analysis a = analyse("case-2-port-security-aging");
    Exercise poison = exercise("case-1-2-proxy-arp", "poisoning-arp-reply");
    assertThat(ExerciseKey.of(a, poison)).isEmpty();
  }

  private static ExerciseKey key(Analysis a, String lesson, String id) {
    return ExerciseKey.of(a, exercise(lesson, id)).orElseThrow();
  }

  private static Exercise exercise(String lesson, String id) {
    LessonGuide g = GUIDES.of(lesson).orElseThrow();
    return g.exercises().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }

  private static Analysis analyse(String lesson) throws IOException {
    try (Stream<Path> s = Files.list(Path.of("knowledge-base/lessons", lesson))) {
      List<InputFile> files = s.sorted().map(InputFile::of).toList();
      return analyzer.analyze(files);
    }
  }
}
