package dev.regdoc.diagnosis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The order in which the rule base reasons, one Drools agenda group per stage: every rule names its
 * stage ({@code ruleflow-group "causes"}), and a stage sees everything the earlier stages
 * concluded. This replaces salience numbers: rules of one stage do not depend on each other's
 * order, so only the order of stages matters, and it is written here once.
 */
public enum Stage {
  /** Intermediate facts other rules build on, e.g. which address a proxy ARP answered for. */
  DERIVE,
  /** Root causes, the places of a loss, mechanisms and symptoms, each from its own evidence. */
  CAUSES,
  /** The rivals each cause beat, with the evidence that rules them out. */
  RIVALS,
  /** Where no cause could be named: which candidates remain and how they lean. */
  UNDECIDED,
  /** What to collect next, once it is known what stays open. */
  ASKS,
  /** Answers about the input itself: nothing read, nothing about registration, nothing wrong. */
  FALLBACK,
  /** After ranking: one summary per cause many phones share (fired in a second pass). */
  SUMMARIES;

  /** The agenda group's name in the DRL files, e.g. {@code causes}. */
  public String group() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Stage> ofGroup(String group) {
    return Arrays.stream(values()).filter(s -> s.group().equals(group)).findFirst();
  }
}
