package dev.regdoc.diagnosis;

import java.util.List;

/**
 * A rival a root cause beat: its finding code, why it is ruled out (a note key of {@code
 * evidence-notes.yaml} with the values that fill it) and where that shows (cited like a finding's
 * own evidence).
 */
public record RuledOut(String code, String why, List<String> args, List<Evidence> evidence) {
  public RuledOut {
    args = List.copyOf(args);
    evidence = List.copyOf(evidence);
  }
}
