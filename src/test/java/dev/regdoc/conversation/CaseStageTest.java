package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The stage ids cases already stored hold: a renamed constant must still read them. */
class CaseStageTest {

  @Test
  void theStoredIdsOfEarlierVersionsStillNameTheirStage() {
    assertThat(CaseStage.fromId("ask-device")).isEqualTo(CaseStage.ASK_DEVICE);
    assertThat(CaseStage.fromId("ask-protocol")).isEqualTo(CaseStage.ASK_PROTOCOL);
    assertThat(CaseStage.fromId("ask-when")).isEqualTo(CaseStage.ASK_WHEN);
    assertThat(CaseStage.fromId("ask-version")).isEqualTo(CaseStage.ASK_VERSION);
    assertThat(CaseStage.fromId("checklist")).isEqualTo(CaseStage.CHECKLIST);
  }

  @Test
  void everyStageReadsBackFromItsIdAndOnlyTheChecklistIsNoQuestion() {
    for (CaseStage s : CaseStage.values()) {
      assertThat(CaseStage.fromId(CaseStage.idOf(s))).isEqualTo(s);
    }
    assertThat(Arrays.stream(CaseStage.values()).filter(s -> !s.asking()))
        .containsExactly(CaseStage.CHECKLIST);
    assertThat(CaseStage.fromId(null)).isNull();
    assertThat(CaseStage.idOf(null)).isNull();
  }
}
