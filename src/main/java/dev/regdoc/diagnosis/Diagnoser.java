package dev.regdoc.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    KieSession session = rules.newSession();
    try {
      facts.forEach(session::insert);
      int fired = session.fireAllRules(FIRING_LIMIT);
      if (fired >= FIRING_LIMIT) {
        throw new RuleBaseException("the rules fired " + fired + " times without settling; a rule is looping");
      }
      List<Finding> findings = new ArrayList<>();
      for (FactHandle h : session.getFactHandles(o -> o instanceof Finding)) {
        findings.add((Finding) session.getObject(h));
      }
      return rank(findings);
    } finally {
      session.dispose();
    }
  }

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
