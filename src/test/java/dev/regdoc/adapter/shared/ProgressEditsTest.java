package dev.regdoc.adapter.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress message is edited at most once per 10 %, whatever the engine reports. */
class ProgressEditsTest {

  @Test
  void aHundredSmallStepsGiveElevenEditsAndTheEndAlwaysPasses() {
    List<String> edits = new ArrayList<>();
    ProgressEdits p = new ProgressEdits(edits::add);
    for (int percent = 0; percent <= 100; percent++) {
      p.progress("Reading 2 files", percent);
    }
    assertThat(edits)
        .hasSize(11)
        .startsWith("Reading 2 files (0%)", "Reading 2 files (10%)")
        .endsWith("Reading 2 files (100%)");
  }

  @Test
  void textWithoutAPercentAlwaysPassesAndAFailedEditDoesNotStopTheAnalysis() {
    List<String> edits = new ArrayList<>();
    int[] calls = {0};
    ProgressEdits p =
        new ProgressEdits(
            text -> {
              if (calls[0]++ == 1) {
                throw new IOException("429: rate limited");
              }
              edits.add(text);
            });
    p.progress("Reading 2 files", 0);
    p.progress("Reading 2 files", 15); // refused by the platform: only logged
    p.progress("Reading 2 files", 19);
    p.progress("Building the timeline", -1);
    p.progress("Reading 2 files", 99);
    assertThat(edits)
        .containsExactly("Reading 2 files (0%)", "Building the timeline", "Reading 2 files (99%)");
    assertThat(calls[0]).isEqualTo(4);
  }
}
