package dev.regdoc.signals;

import java.util.List;

/**
 * One device's registration attempts, SIP refreshes and keepalives, each in time order, as one
 * fact: the only way they reach the rules. Rules read them from here ({@code from
 * $h.transactions()}), looking only through the histories that hold what they look for ({@code
 * anyUnanswered(refreshes)}, rules/histories.drl). A capture of thousands of healthy phones holds
 * tens of thousands of attempts, and a fact of their own each, or a pattern that looked through
 * every phone's history, kept an entry per attempt in the rule session: most of its memory.
 */
public record RegistrationHistory(
    String device,
    List<RegisterTransaction> transactions,
    List<RefreshTiming> refreshes,
    List<KeepaliveTiming> keepalives) {

  /** The attempts, refreshes and keepalives it holds. */
  public int signals() {
    return transactions.size() + refreshes.size() + keepalives.size();
  }
}
