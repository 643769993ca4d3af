package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.conversation.LessonGuides.Exercise;
import dev.regdoc.knowledge.Text;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a typed answer to a find-the-frame exercise is told: right, a near miss, wrong, or none. */
class ExerciseVerdictTest {
  private static final Text T = new Text("t", "t");
  private static final List<String> FILES = List.of("cucm.pcap", "phone.pcap");
  private static final ExerciseKey KEY =
      new ExerciseKey("phone.pcap", 48, Set.of("phone.pcap#63", "cucm.pcap#47"), 26.864);

  private static Exercise exercise(String measure, double tolerance) {
    return new Exercise("x", measure, T, T, T, "f", "n", "phone.pcap", "first", tolerance);
  }

  @Test
  void aFrameIsRightNearOrWrongWhicheverWayItIsTyped() {
    Exercise e = exercise("frame", 0);
    assertThat(ExerciseVerdict.of(e, KEY, "48", FILES)).isEqualTo(ExerciseVerdict.RIGHT);
    assertThat(ExerciseVerdict.of(e, KEY, "frame 48 of phone.pcap", FILES))
        .isEqualTo(ExerciseVerdict.RIGHT);
    assertThat(ExerciseVerdict.of(e, KEY, "フレーム４８", FILES)).isEqualTo(ExerciseVerdict.RIGHT);
    assertThat(ExerciseVerdict.of(e, KEY, "63", FILES)).isEqualTo(ExerciseVerdict.NEAR);
    assertThat(ExerciseVerdict.of(e, KEY, "cucm.pcap frame 47", FILES))
        .as("the same segment in the other capture")
        .isEqualTo(ExerciseVerdict.NEAR);
    assertThat(ExerciseVerdict.of(e, KEY, "cucm.pcap 48", FILES))
        .as("the right number in the wrong file")
        .isEqualTo(ExerciseVerdict.WRONG);
    assertThat(ExerciseVerdict.of(e, KEY, "the REGISTER from 198.51.100.10, frame 49", FILES))
        .as("an address is not a frame number")
        .isEqualTo(ExerciseVerdict.WRONG);
    assertThat(ExerciseVerdict.of(e, KEY, "the late one", FILES))
        .isEqualTo(ExerciseVerdict.NO_ANSWER);
  }

  @Test
  void secondsAreRightWithinTheTolerance() {
    Exercise e = exercise("retransmission-delay", 0.5);
    assertThat(ExerciseVerdict.of(e, KEY, "about 27 s", FILES)).isEqualTo(ExerciseVerdict.RIGHT);
    assertThat(ExerciseVerdict.of(e, KEY, "26.4", FILES)).isEqualTo(ExerciseVerdict.RIGHT);
    assertThat(ExerciseVerdict.of(e, KEY, "28 seconds", FILES)).isEqualTo(ExerciseVerdict.WRONG);
    assertThat(ExerciseVerdict.of(e, KEY, "quite long", FILES))
        .isEqualTo(ExerciseVerdict.NO_ANSWER);
  }
}
