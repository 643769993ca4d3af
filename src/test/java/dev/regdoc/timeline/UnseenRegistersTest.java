package dev.regdoc.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regdoc.ingest.InputFile;
import dev.regdoc.testing.TestAnalyzers;
import dev.regdoc.timeline.event.SipEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A capture beyond the phone lacks what was lost before it: the REGISTER the phone numbered between
 * two that the capture holds is named as never in it (the firewall lab's CUCM side: CSeq 102, sent
 * on the idle connection and dropped, then CSeq 103 on a new one).
 */
class UnseenRegistersTest {
  private static final Path LAB = Path.of("src/test/resources/fixtures/lab/firewall-idle-timeout");

  private static List<TimelineEvent> refreshes(String file) {
    return TestAnalyzers.repositoryRules()
        .analyze(List.of(InputFile.of(LAB.resolve(file))))
        .timeline()
        .events()
        .stream()
        .filter(e -> e.details() instanceof SipEvent.Refresh)
        .toList();
  }

  @Test
  void aRegisterNeverInTheCaptureIsCountedAtTheNextOne() {
    assertThat(refreshes("cucm.pcap"))
        .extracting(
            e -> ((SipEvent.Refresh) e.details()).request().cseq(),
            e -> ((SipEvent.Refresh) e.details()).unseenBefore())
        .containsExactly(tuple(103L, 1L));
    assertThat(refreshes("cucm.pcap").get(0).summary())
        .endsWith("; CSeq 102 never in this capture");
  }

  @Test
  void thePhonesOwnCaptureHoldsEveryRegister() {
    assertThat(refreshes("phone.pcap"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(((SipEvent.Refresh) e.details()).unseenBefore()).isZero());
  }
}
