package dev.regdoc.signals;

import dev.regdoc.timeline.event.Direction;
import java.time.Instant;

/**
 * A signaling message present in one capture and missing from the other.
 *
 * @param lost true when the direction of travel says it was lost between the capture points
 * @param direction which way it travelled
 * @param firstTransmissionOnly only the first transmission was lost; a TCP retransmission got
 *     through
 */
public record OneSided(
    String device,
    String message,
    Direction direction,
    boolean lost,
    String file,
    long frame,
    Instant time,
    String missingFrom,
    boolean firstTransmissionOnly,
    long seq)
    implements Cited {

  public boolean isKeepalive() {
    return message.startsWith("REGISTER")
        || message.contains("KeepAlive")
        || message.startsWith("SIP 200");
  }
}
