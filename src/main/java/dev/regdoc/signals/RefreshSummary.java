package dev.regdoc.signals;

import java.util.List;

/**
 * All SIP refreshes of one phone in one capture, summarised.
 *
 * @param lost refreshes whose first transmission needed a TCP retransmission or never reached the
 *     other capture
 * @param typicalInterval median seconds from a 200 OK to the next refresh
 * @param rtoSeries first retransmission delay of each lost refresh in seconds, in order, e.g.
 *     [0.33, 0.85, 1.68]
 */
public record RefreshSummary(
    String device,
    String file,
    int refreshes,
    List<RefreshTiming> lost,
    double typicalInterval,
    List<Double> rtoSeries) {

  public int getLostCount() {
    return lost.size();
  }
}
