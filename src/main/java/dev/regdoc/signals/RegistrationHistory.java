package dev.regdoc.signals;

import java.util.List;

/**
 * One device's registration attempts, SIP refreshes and keepalives, each in time order, as one
 * fact: the only way they reach the rules. Rules that look for the attempt just before or after
 * some other event read them from here ({@code from $h.transactions()}); rules/histories.drl makes
 * them facts of their own only for a device whose history holds an unanswered, late or refused one,
 * which the other rules match. A capture of thousands of healthy phones holds tens of thousands of
 * attempts, and a fact of its own each, or a join entry each in every pattern that matched them
 * all, was most of the rule session's memory.
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
