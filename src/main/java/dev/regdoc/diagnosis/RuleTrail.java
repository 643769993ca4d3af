package dev.regdoc.diagnosis;

import java.util.Set;
import java.util.TreeSet;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;

/**
 * Records on each finding the rules that reached it, so the rules themselves need not name
 * themselves: the rule whose consequence inserted the finding, and in the {@link Stage#RIVALS}
 * stage every rule that fired on it (those add the rivals it beat).
 */
final class RuleTrail {
  private Stage stage = Stage.DERIVE;
  private final Set<String> fired = new TreeSet<>();

  Set<String> fired() {
    return Set.copyOf(fired);
  }

  void stage(Stage s) {
    this.stage = s;
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
          if (stage != Stage.RIVALS) {
            return;
          }
          for (Object o : event.getMatch().getObjects()) {
            if (o instanceof Finding f) {
              f.rule(event.getMatch().getRule().getName());
            }
          }
        }
      };
}
