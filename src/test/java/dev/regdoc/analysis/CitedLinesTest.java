package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.diagnosis.Evidence;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several log lines of one file are cited as one citation, consecutive ones as a range, worded by
 * the knowledge base in the answer's language, instead of "line 12; line 13; line 14".
 */
class CitedLinesTest {
  static KnowledgeTexts texts;

  static final List<Evidence> EVIDENCE =
      List.of(
          line("asa.log", 14),
          line("asa.log", 12),
          line("asa.log", 13),
          line("switch.txt", 5),
          line("asa.log", 20),
          line("asa.log", 13),
          new Evidence("phone.pcap", List.of(8L, 13L), 0, null, "n", List.of()));

  @BeforeAll
  static void load() {
    texts = KnowledgeTexts.load(Path.of("knowledge-base"));
  }

  @Test
  void consecutiveLinesOfOneFileAreOneRangeInEnglish() {
    assertThat(texts.citeAll(EVIDENCE, "en", 10))
        .containsExactly("asa.log lines 12–14, 20", "switch.txt line 5", "phone.pcap frames 8, 13");
  }

  @Test
  void andInJapanese() {
    assertThat(texts.citeAll(EVIDENCE, "ja", 10))
        .containsExactly("asa.log 12～14、20 行目", "switch.txt 5 行目", "phone.pcap フレーム 8, 13");
  }

  @Test
  void twoLinesInARowAreARangeToo() {
    assertThat(texts.citeAll(List.of(line("asa.log", 7), line("asa.log", 8)), "en", 10))
        .containsExactly("asa.log lines 7–8");
  }

  private static Evidence line(String file, long n) {
    return new Evidence(file, List.of(), n, null, "n", List.of());
  }
}
