package dev.regdoc.signals;

import java.util.List;

/**
 * All SIP refreshes of one phone in one capture, summarised.
 *
 * @param lost refreshes whose first transmission needed a TCP retransmission or never reached the other capture
 * @param typicalInterval median seconds from a 200 OK to the next refresh
 * @param rtoSeries first retransmission delay of each lost refresh, in order, e.g. "0.33, 0.85, 1.68 s"
 */
public record RefreshSummary(String device, String file, int refreshes, List<RefreshTiming> lost, double typicalInterval, String rtoSeries) {

  public int getLostCount() {
    return lost.size();
  }

  /** Most refreshes lose their first transmission: a pattern, not an occasional drop. */
  public boolean isMostlyLost() {
    return lost.size() >= 2 && lost.size() * 2 >= refreshes;
  }
}
