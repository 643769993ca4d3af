package dev.regdoc.signals;

import java.util.List;

/**
 * One device's registration attempts, SIP refreshes and keepalives, each in time order, as one
 * fact: rules that look for the attempt just before or after some other event read them from here
 * ({@code from $h.transactions()}) rather than matching every attempt of every phone. A capture of
 * thousands of healthy phones holds tens of thousands of attempts, and each pattern that matched
 * them all kept an entry per attempt in the rule session: most of its memory.
 */
public record RegistrationHistory(
    String device,
    List<RegisterTransaction> transactions,
    List<RefreshTiming> refreshes,
    List<KeepaliveTiming> keepalives) {}
