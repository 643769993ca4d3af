package dev.regdoc.diagnosis;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.common.WorkStopped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Runs the rule base over one analysis' facts in a fresh session, with a firing limit so a looping
 * rule fails loudly instead of hanging, and ranks what the rules concluded.
 */
public final class Diagnoser {
  static final int FIRING_LIMIT = 100_000;

  private final RuleBase rules;

  public Diagnoser(RuleBase rules) {
    this.rules = rules;
  }

  public List<Finding> diagnose(List<?> facts) {
    return diagnose(facts, () -> false).findings();
  }

  /**
   * As {@link #diagnose(List)}, halting the session as soon as {@code stop} says so or the calling thread is
   * interrupted: the findings concluded until then are returned, marked as halted. The insertion checks the
   * thread's {@link WorkLimit}.
   */
  public Result diagnose(List<?> facts, BooleanSupplier stop) {
    Thread worker = Thread.currentThread();
    KieSession session = rules.newSession();
    try (SessionWatchdog watchdog = new SessionWatchdog(session, () -> worker.isInterrupted() || stop.getAsBoolean())) {
      try {
        for (Object f : facts) {
          WorkLimit.checkpoint();
          session.insert(f);
        }
      } catch (WorkStopped e) {
        if (e.why() == WorkStopped.Why.CANCELLED) {
          throw e;
        }
        return new Result(List.of(), true);
      }
      int fired = session.fireAllRules(FIRING_LIMIT);
      if (worker.isInterrupted()) {
        throw new WorkStopped(WorkStopped.Why.CANCELLED, Duration.ZERO);
      }
      boolean halted = watchdog.halted();
      if (!halted && fired >= FIRING_LIMIT) {
        throw new RuleBaseException("the rules fired " + fired + " times without settling; a rule is looping");
      }
      List<Finding> findings = new ArrayList<>();
      for (FactHandle h : session.getFactHandles(o -> o instanceof Finding)) {
        findings.add((Finding) session.getObject(h));
      }
      return new Result(rank(findings), halted);
    } finally {
      session.dispose();
    }
  }

  /**
   * What the rules concluded.
   *
   * @param halted true when the session was stopped before it settled: the findings are those reached until then
   */
  public record Result(List<Finding> findings, boolean halted) {}

  /** Root causes first, then by confidence; symptoms point at the strongest cause of their device. */
  static List<Finding> rank(List<Finding> findings) {
    List<Finding> ranked = new ArrayList<>(findings);
    ranked.forEach(Finding::sortEvidence);
    Comparator<Finding> byTier = Comparator.comparing(Finding::tier);
    Comparator<Finding> byConfidence = Comparator.comparingDouble(Finding::confidence);
    Comparator<Finding> byFirstEvidence = Comparator.comparing(Finding::firstEvidenceTime, Comparator.nullsLast(Comparator.naturalOrder()));
    ranked.sort(byTier.thenComparing(byConfidence.reversed()).thenComparing(Finding::code)
        .thenComparing(f -> String.valueOf(f.device())).thenComparing(byFirstEvidence));
    for (Finding f : ranked) {
      if (f.tier() == Tier.SYMPTOM) {
        ranked.stream().filter(c -> c.tier().compareTo(Tier.MECHANISM) <= 0 && sameDevice(c, f)).findFirst()
            .ifPresent(c -> f.causedBy(c.code()));
      }
    }
    return ranked;
  }

  private static boolean sameDevice(Finding a, Finding b) {
    return a.device() != null && a.device().equalsIgnoreCase(b.device());
  }
}
