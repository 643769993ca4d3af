package dev.regdoc.diagnosis;

import java.util.Set;
import java.util.TreeSet;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;

/**
 * Records on each finding the rules that reached it, so the rules themselves need not name
 * themselves: the rule whose consequence inserted the finding, and every rule that fired on it
 * (those that add the rivals it beat), plus the names of all rules that fired.
 */
final class RuleTrail {
  private final Set<String> fired = new TreeSet<>();

  Set<String> fired() {
    return Set.copyOf(fired);
  }

  final DefaultRuleRuntimeEventListener inserts =
      new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
          if (event.getRule() != null && event.getObject() instanceof Finding f) {
            f.rule(event.getRule().getName());
          }
        }
      };

  final DefaultAgendaEventListener firings =
      new DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
          fired.add(event.getMatch().getRule().getName());
          for (Object o : event.getMatch().getObjects()) {
            if (o instanceof Finding f) {
              f.rule(event.getMatch().getRule().getName());
            }
          }
        }
      };
}
