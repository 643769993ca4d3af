package dev.regdoc.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.facts.FileProblem;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.InputKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileListFoldTest {
  static FileReport skipped(String name) {
    return FileReport.keyed(
        name,
        InputKind.OTHER_TEXT,
        "not a log or configuration",
        false,
        Map.of(),
        List.of(FileProblem.of("file-kind-other-text", name + ": skipped", name)));
  }

  static FileReport capture(String name) {
    return FileReport.keyed(name, InputKind.PCAP, "pcap", true, Map.of("frames", 9L), List.of());
  }

  @Test
  void aLongRunOfAlikeEntriesKeepsItsFirstThreeAndCountsTheRest() {
    List<FileReport> files = new ArrayList<>();
    files.add(capture("a.zip!/phone.pcap"));
    for (int i = 0; i < 50; i++) {
      files.add(skipped("a.zip!/notes/" + i + ".txt"));
    }
    files.add(capture("cucm.pcap"));

    List<FileListFold.Shown> shown = FileListFold.fold(files);

    assertThat(shown)
        .extracting(s -> s.report().file() + "+" + s.moreLikeIt())
        .containsExactly(
            "a.zip!/phone.pcap+0",
            "a.zip!/notes/0.txt+0",
            "a.zip!/notes/1.txt+0",
            "a.zip!/notes/2.txt+47",
            "cucm.pcap+0");
  }

  @Test
  void shortRunsAndFilesOfOtherArchivesOrFatesAreAllShown() {
    List<FileReport> files = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      files.add(skipped("a.zip!/" + i + ".txt"));
      files.add(skipped("b" + i + ".zip!/x.txt"));
    }
    files.add(capture("a.zip!/x.pcap"));

    assertThat(FileListFold.fold(files))
        .hasSize(files.size())
        .allSatisfy(s -> assertThat(s.moreLikeIt()).isZero());
  }
}
