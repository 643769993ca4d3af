package dev.regdoc.diagnosis;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.common.WorkStopped;
import dev.regdoc.signals.RegistrationHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Runs the rule base over one analysis' facts in a fresh session, with a firing limit so a looping
 * rule fails loudly instead of hanging, and ranks what the rules concluded.
 */
public final class Diagnoser {
  static final int FIRING_LIMIT = 100_000;

  /**
   * Rules fire about once per fact (one finding per alarm, per refresh...), so the limit grows with
   * the input: a site outage's 100,000 alarms are not a loop, a rule that re-triggers itself still
   * is. The attempts, refreshes and keepalives in a device's history count as facts of their own.
   */
  static final int FIRINGS_PER_FACT = 10;

  private final RuleBase rules;

  public Diagnoser(RuleBase rules) {
    this.rules = rules;
  }

  public List<Finding> diagnose(List<?> facts) {
    return diagnosis(facts, () -> false).findings();
  }

  /**
   * The ranked findings and the summaries the rules asked for: the findings are measured per code
   * ({@link CauseGroup}) once the rules have settled, and handed back to the rules, which decide
   * which groups are answered as one summary. The session is halted as soon as {@code stop} says so
   * or the calling thread is interrupted: the findings concluded until then are returned, marked as
   * halted. The insertion checks the thread's {@link WorkLimit}.
   */
  public Diagnosis diagnosis(List<?> facts, BooleanSupplier stop) {
    Thread worker = Thread.currentThread();
    KieSession session = rules.newSession();
    RuleTrail trail = new RuleTrail();
    session.addEventListener(trail.inserts);
    session.addEventListener(trail.firings);
    try (SessionWatchdog watchdog =
        new SessionWatchdog(session, () -> worker.isInterrupted() || stop.getAsBoolean())) {
      try {
        for (Object fact : facts) {
          WorkLimit.checkpoint();
          session.insert(fact);
        }
      } catch (WorkStopped e) {
        if (e.why() == WorkStopped.Why.CANCELLED) {
          throw e;
        }
        return new Diagnosis(List.of(), List.of(), true, trail.fired());
      }
      int limit =
          (int) Math.min(Integer.MAX_VALUE, FIRING_LIMIT + (long) FIRINGS_PER_FACT * judged(facts));
      for (Stage stage : Stage.values()) {
        if (stage == Stage.SUMMARIES || watchdog.halted()) {
          break;
        }
        fire(session, stage, limit, worker, watchdog);
      }
      List<Finding> findings = rank(all(session, Finding.class));
      if (watchdog.halted()) {
        return new Diagnosis(findings, List.of(), true, trail.fired());
      }
      CauseGroup.of(findings).forEach(session::insert);
      fire(session, Stage.SUMMARIES, limit, worker, watchdog);
      List<CauseSummary> summaries = new ArrayList<>(all(session, CauseSummary.class));
      summaries.sort(
          Comparator.comparing(CauseSummary::tier)
              .thenComparing(Comparator.comparingInt(CauseSummary::devices).reversed())
              .thenComparing(CauseSummary::code));
      return new Diagnosis(findings, summaries, watchdog.halted(), trail.fired());
    } finally {
      session.dispose();
    }
  }

  /** The facts with the attempts, refreshes and keepalives their histories hold. */
  static long judged(List<?> facts) {
    long n = facts.size();
    for (Object f : facts) {
      if (f instanceof RegistrationHistory h) {
        n += h.signals();
      }
    }
    return n;
  }

  /** Fires one stage's rules until they settle; a stage sees what the earlier ones concluded. */
  private static void fire(
      KieSession session, Stage stage, int limit, Thread worker, SessionWatchdog watchdog) {
    session.getAgenda().getAgendaGroup(stage.group()).setFocus();
    int fired = session.fireAllRules(limit);
    if (worker.isInterrupted()) {
      throw new WorkStopped(WorkStopped.Why.CANCELLED, Duration.ZERO);
    }
    if (!watchdog.halted() && fired >= limit) {
      throw new RuleBaseException(
          "the rules fired " + fired + " times without settling; a rule is looping");
    }
  }

  private static <T> List<T> all(KieSession session, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (FactHandle h : session.getFactHandles(type::isInstance)) {
      out.add(type.cast(session.getObject(h)));
    }
    return out;
  }

  /**
   * What the rules concluded: ranked findings, and one summary per cause many devices share.
   *
   * @param halted true when the session was stopped before it settled: the findings are those
   *     reached until then
   * @param rulesFired the names of every rule that fired, in any stage
   */
  public record Diagnosis(
      List<Finding> findings,
      List<CauseSummary> summaries,
      boolean halted,
      Set<String> rulesFired) {}

  /**
   * Root causes first, then by confidence; symptoms point at the strongest cause of their device. A
   * finding whose code a root cause of its device ruled out is left out: the evidence beat it,
   * whatever its confidence, and an answer that still listed it (even as a note) would show the
   * cause the evidence excludes. A root cause that is a candidate of its device's {@code
   * undetermined} finding is left out too: that finding lists it with its share.
   */
  static List<Finding> rank(List<Finding> findings) {
    List<Finding> ranked = new ArrayList<>(withoutRuledOut(findings));
    ranked.forEach(Finding::sortEvidence);
    Comparator<Finding> byTier = Comparator.comparing(Finding::tier);
    Comparator<Finding> byConfidence = Comparator.comparingDouble(Finding::confidence);
    Comparator<Finding> byFirstEvidence =
        Comparator.comparing(
            Finding::firstEvidenceTime, Comparator.nullsLast(Comparator.naturalOrder()));
    ranked.sort(
        byTier
            .thenComparing(byConfidence.reversed())
            .thenComparing(Finding::code)
            .thenComparing(f -> String.valueOf(f.device()))
            .thenComparing(byFirstEvidence));
    // one pass: the first cause (root cause, location or mechanism) of each device in rank order,
    // then
    // each symptom looks its device up instead of scanning every finding again
    Map<String, String> causeByDevice = new HashMap<>();
    for (Finding c : ranked) {
      WorkLimit.checkpoint();
      if (c.tier() != Tier.UNDETERMINED
          && c.tier().compareTo(Tier.MECHANISM) <= 0
          && c.device() != null) {
        causeByDevice.putIfAbsent(c.device().toUpperCase(Locale.ROOT), c.code());
      }
    }
    for (Finding f : ranked) {
      WorkLimit.checkpoint();
      if (f.tier() == Tier.SYMPTOM && f.device() != null) {
        String cause = causeByDevice.get(f.device().toUpperCase(Locale.ROOT));
        if (cause != null) {
          f.causedBy(cause);
        }
      }
    }
    return ranked;
  }

  /**
   * The findings less those a cause (root cause or location) of the same device ruled out. They
   * rule out strongest first, and one already ruled out rules nothing out, so two that exclude each
   * other leave the stronger one, not neither.
   */
  private static List<Finding> withoutRuledOut(List<Finding> findings) {
    List<Finding> judges =
        findings.stream()
            .filter(f -> f.tier().compareTo(Tier.LOCATION) <= 0 && !f.ruledOut().isEmpty())
            .sorted(
                Comparator.comparingDouble((Finding f) -> f.confidence())
                    .reversed()
                    .thenComparing(Finding::code))
            .toList();
    if (judges.isEmpty()
        && findings.stream().noneMatch(f -> Finding.UNDETERMINED.equals(f.code()))) {
      return findings;
    }
    Set<String> excluded = new HashSet<>();
    for (Finding j : judges) {
      WorkLimit.checkpoint();
      if (!excluded.contains(key(j.device(), j.code()))) {
        j.ruledOut().stream()
            .filter(r -> !r.code().equals(j.code()))
            .forEach(r -> excluded.add(key(j.device(), r.code())));
      }
    }
    // an undetermined answer says the evidence does not decide between its candidates: none of them
    // is asserted
    // as the device's root cause beside it (they may still be shown as a mechanism or a symptom)
    Set<String> undecided = new HashSet<>();
    for (Finding u : findings) {
      if (Finding.UNDETERMINED.equals(u.code()) && !excluded.contains(key(u.device(), u.code()))) {
        u.candidates().keySet().forEach(c -> undecided.add(key(u.device(), c)));
      }
    }
    return findings.stream()
        .filter(f -> !excluded.contains(key(f.device(), f.code())))
        .filter(f -> f.tier() != Tier.ROOT_CAUSE || !undecided.contains(key(f.device(), f.code())))
        .toList();
  }

  private static String key(String device, String code) {
    return String.valueOf(device).toUpperCase(Locale.ROOT) + "\n" + code;
  }
}
