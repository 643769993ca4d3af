package dev.regdoc.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A root cause that rules a rival out wins over it by that evidence, not by confidence, and the
 * rival is not shown.
 */
class RuledOutRankingTest {
  private static final Instant T = Instant.parse("2024-03-01T10:00:00Z");

  @Test
  void aRuledOutRivalOfTheSameDeviceIsDroppedEvenWhenMoreConfident() {
    Finding winner =
        Finding.of("idle-connection-teardown", "SEP001122334455", Tier.ROOT_CAUSE)
            .confidence(0.6)
            .ruledOut(
                "port-security-aging",
                "port-security-config",
                "switch.txt",
                List.of(),
                T,
                "0",
                "Gi1/0/5");
    Finding rival =
        Finding.of("port-security-aging", "SEP001122334455", Tier.ROOT_CAUSE).confidence(0.9);
    Finding otherPhone =
        Finding.of("port-security-aging", "SEP00AABBCCDDEE", Tier.ROOT_CAUSE).confidence(0.8);
    Finding symptom =
        Finding.of("sip-refresh-late", "SEP001122334455", Tier.SYMPTOM).confidence(0.9);

    List<Finding> ranked = Diagnoser.rank(List.of(rival, symptom, winner, otherPhone));

    assertThat(ranked).containsExactly(otherPhone, winner, symptom);
    assertThat(symptom.causedBy()).isEqualTo("idle-connection-teardown");
  }

  @Test
  void theRuledOutEntryKeepsItsCodeNoteArgsAndEvidence() {
    Finding f =
        Finding.of("idle-connection-teardown", "SEP001122334455", Tier.ROOT_CAUSE)
            .ruledOut(
                "port-security-aging",
                "port-security-config",
                "switch.txt",
                List.of(7L, 9L),
                T,
                "0",
                "Gi1/0/5")
            .ruledOut(
                "port-security-aging",
                "port-security-config",
                "switch2.txt",
                List.of(),
                null,
                "0",
                "Gi1/0/5");

    assertThat(f.ruledOut()).hasSize(1);
    RuledOut r = f.ruledOut().get(0);
    assertThat(r.code()).isEqualTo("port-security-aging");
    assertThat(r.why()).isEqualTo("port-security-config");
    assertThat(r.args()).containsExactly("0", "Gi1/0/5");
    assertThat(r.evidence())
        .extracting(Evidence::file)
        .containsExactly("switch.txt", "switch2.txt");
    assertThat(r.evidence().get(0).frames()).containsExactly(7L, 9L);
  }

  @Test
  void ofTwoRootCausesThatRuleEachOtherOutTheStrongerStays() {
    Finding a =
        Finding.of("proxy-arp", "SEP001122334455", Tier.ROOT_CAUSE)
            .confidence(0.7)
            .ruledOut("arp-conflict", "cucm-own-answer", "cucm.pcap", List.of(3L), T);
    Finding b =
        Finding.of("arp-conflict", "SEP001122334455", Tier.ROOT_CAUSE)
            .confidence(0.5)
            .ruledOut("proxy-arp", "cucm-own-answer", "cucm.pcap", List.of(4L), T);

    assertThat(Diagnoser.rank(List.of(b, a))).containsExactly(a);
  }

  @Test
  void onlyARootCauseRulesOut() {
    Finding note =
        Finding.of("evidence-missing", "SEP001122334455", Tier.NOTE)
            .ruledOut(
                "port-security-aging",
                "port-security-config",
                "switch.txt",
                List.of(),
                null,
                "0",
                "Gi1/0/5");
    Finding cause = Finding.of("port-security-aging", "SEP001122334455", Tier.ROOT_CAUSE);

    assertThat(Diagnoser.rank(List.of(note, cause))).containsExactly(cause, note);
  }

  @Test
  void aCandidateOfAnUndeterminedAnswerIsNotAlsoAssertedAsARootCause() {
    Finding u =
        Finding.of(Finding.UNDETERMINED, "SEP001122334455", Tier.ROOT_CAUSE)
            .confidence(0.9)
            .candidate("port-security-aging", 0.5)
            .candidate("idle-connection-teardown", 0.4);
    Finding asserted =
        Finding.of("port-security-aging", "SEP001122334455", Tier.ROOT_CAUSE).confidence(0.95);
    Finding mechanism =
        Finding.of("idle-connection-teardown", "SEP001122334455", Tier.MECHANISM).confidence(0.8);
    Finding otherPhone =
        Finding.of("port-security-aging", "SEP00AABBCCDDEE", Tier.ROOT_CAUSE).confidence(0.95);

    assertThat(Diagnoser.rank(List.of(asserted, mechanism, u, otherPhone)))
        .containsExactly(otherPhone, u, mechanism);
  }

  @Test
  void undeterminedKeepsItsCandidatesInOrderAsRawValues() {
    Finding u =
        Finding.of(Finding.UNDETERMINED, "SEP001122334455", Tier.ROOT_CAUSE)
            .candidate("port-security-aging", 0.5)
            .candidate("idle-connection-teardown", 0.4);

    assertThat(u.candidates())
        .containsExactly(
            Map.entry("port-security-aging", 0.5), Map.entry("idle-connection-teardown", 0.4));
    assertThat(u.values().get("candidates"))
        .isEqualTo(
            List.of(
                Map.of("code", "port-security-aging", "confidence", 0.5),
                Map.of("code", "idle-connection-teardown", "confidence", 0.4)));
  }
}
