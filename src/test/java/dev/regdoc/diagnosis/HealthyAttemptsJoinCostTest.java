package dev.regdoc.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.facts.Protocol;
import dev.regdoc.signals.KeepaliveTiming;
import dev.regdoc.signals.Phone;
import dev.regdoc.signals.RefreshTiming;
import dev.regdoc.signals.RegisterTransaction;
import dev.regdoc.signals.RegistrationHistory;
import dev.regdoc.timeline.event.KeepaliveRole;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.ReteEvaluator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * What a healthy phone's registration attempts cost the rule session: a capture of thousands of
 * phones refreshing every few minutes holds tens of thousands of attempts answered at once, and
 * every rule pattern that matched each of them kept a join entry per attempt (in the bench's 2 GB
 * capture about eleven each, most of an analysis's memory). The attempts reach the rules only in
 * the device's {@link RegistrationHistory}, as the analyzer hands them over, and become facts of
 * their own only for a device whose history holds something a rule looks for (rules/histories.drl):
 * more healthy attempts add no join entries, and no fact handles either (a pattern {@code from} a
 * list makes one for every item it looks at, and keeps it).
 */
class HealthyAttemptsJoinCostTest {
  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  private static final int PHONES = 20;
  private static RuleBase rules;

  @BeforeAll
  static void load() {
    rules = RuleBase.load(Path.of("rules"));
  }

  @Test
  void moreHealthyAttemptsAddNoJoinEntries() {
    Map<Class<?>, Integer> few = joinEntriesByType(healthyPhones(4));
    Map<Class<?>, Integer> many = joinEntriesByType(healthyPhones(40));

    assertThat(many.getOrDefault(RegisterTransaction.class, 0))
        .as("join entries of register attempts")
        .isEqualTo(few.getOrDefault(RegisterTransaction.class, 0));
    assertThat(many.getOrDefault(RefreshTiming.class, 0))
        .as("join entries of refreshes")
        .isEqualTo(few.getOrDefault(RefreshTiming.class, 0));
    assertThat(many.getOrDefault(RegistrationHistory.class, 0))
        .as("join entries of the histories that hold them")
        .isEqualTo(few.getOrDefault(RegistrationHistory.class, 0));
  }

  @Test
  void moreHealthyAttemptsMakeNoFactHandles() {
    assertThat(factHandlesMade(healthyPhones(40))).isEqualTo(factHandlesMade(healthyPhones(4)));
  }

  @Test
  void moreHealthyKeepalivesMakeNoFactHandles() {
    assertThat(factHandlesMade(healthySccpPhones(40)))
        .isEqualTo(factHandlesMade(healthySccpPhones(4)));
  }

  @Test
  void moreHealthyKeepalivesAddNoJoinEntries() {
    Map<Class<?>, Integer> few = joinEntriesByType(healthySccpPhones(4));
    Map<Class<?>, Integer> many = joinEntriesByType(healthySccpPhones(40));

    assertThat(many.getOrDefault(KeepaliveTiming.class, 0))
        .as("join entries of keepalives")
        .isEqualTo(few.getOrDefault(KeepaliveTiming.class, 0));
    assertThat(many.getOrDefault(RegistrationHistory.class, 0))
        .as("join entries of the histories that hold them")
        .isEqualTo(few.getOrDefault(RegistrationHistory.class, 0));
  }

  /** Right-input join entries (Drools right tuples) of each fact type, after the facts are in. */
  private static Map<Class<?>, Integer> joinEntriesByType(List<Object> facts) {
    KieSession session = rules.newSession();
    try {
      Map<FactHandle, Object> handles = new IdentityHashMap<>();
      facts.forEach(f -> handles.put(session.insert(f), f));
      fireEveryStage(session); // Phreak links and evaluates lazily: count after evaluation
      Map<Class<?>, Integer> entries = new HashMap<>();
      handles.forEach(
          (h, f) ->
              ((InternalFactHandle) h)
                  .getLinkedTuples()
                  .forEachRightTuple(t -> entries.merge(f.getClass(), 1, Integer::sum)));
      return entries;
    } finally {
      session.dispose();
    }
  }

  /**
   * The fact handles the session made: one per fact inserted, and one per item a rule looked at.
   */
  private static long factHandlesMade(List<Object> facts) {
    KieSession session = rules.newSession();
    try {
      facts.forEach(session::insert);
      fireEveryStage(session);
      return ((ReteEvaluator) session).getFactHandleFactory().getId();
    } finally {
      session.dispose();
    }
  }

  private static void fireEveryStage(KieSession session) {
    for (Stage stage : Stage.values()) {
      session.getAgenda().getAgendaGroup(stage.group()).setFocus();
      session.fireAllRules();
    }
  }

  /** An SCCP registration per phone, then {@code keepalives} keepalives each answered at once. */
  private static List<Object> healthySccpPhones(int keepalives) {
    List<Object> facts = new ArrayList<>();
    for (int p = 0; p < PHONES; p++) {
      String device = String.format("SEP0A1AB00001%02d", p);
      facts.add(
          new Phone(device, null, List.of("192.0.2." + (100 + p)), List.of("198.51.100.10"), null));
      RegisterTransaction registered =
          new RegisterTransaction(
              device,
              Protocol.SCCP,
              "phone.pcap",
              p + 1,
              START.plusSeconds(p),
              "198.51.100.10",
              null,
              0,
              false,
              1,
              200,
              "RegisterAck",
              p + 2,
              false,
              false,
              false,
              List.of((long) p + 1));
      List<KeepaliveTiming> k = new ArrayList<>();
      for (int i = 0; i < keepalives; i++) {
        k.add(
            new KeepaliveTiming(
                device,
                Protocol.SCCP,
                "phone.pcap",
                1000L * (i + 1) + p,
                START.plusSeconds(30L * (i + 1) + p),
                "198.51.100.10",
                KeepaliveRole.PRIMARY,
                30,
                0.01,
                0,
                null,
                1,
                -1));
      }
      facts.add(new RegistrationHistory(device, List.of(registered), List.of(), k));
    }
    return facts;
  }

  /** {@code attempts} refreshes per phone, each answered 200 OK at its first transmission. */
  private static List<Object> healthyPhones(int attempts) {
    List<Object> facts = new ArrayList<>();
    for (int p = 0; p < PHONES; p++) {
      String device = String.format("SEP0A1AB00000%02d", p);
      String ip = "192.0.2." + (10 + p);
      facts.add(new Phone(device, null, List.of(ip), List.of("198.51.100.10"), null));
      List<RegisterTransaction> tx = new ArrayList<>();
      List<RefreshTiming> refreshes = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        Instant t = START.plusSeconds(115L * i + p);
        long frame = 100L * i + p + 1;
        tx.add(
            new RegisterTransaction(
                device,
                Protocol.SIP,
                "phone.pcap",
                frame,
                t,
                "198.51.100.10",
                "call-" + p,
                101 + i,
                false,
                1,
                200,
                "OK",
                frame + 2,
                false,
                false,
                false,
                List.of(frame)));
        if (i > 0) {
          refreshes.add(
              new RefreshTiming(
                  device,
                  "phone.pcap",
                  frame,
                  t,
                  "198.51.100.10",
                  101 + i,
                  115,
                  120,
                  List.of(),
                  List.of(),
                  115.2,
                  frame + 2,
                  false,
                  null,
                  0));
        }
      }
      facts.add(new RegistrationHistory(device, tx, refreshes, List.of()));
    }
    return facts;
  }
}
