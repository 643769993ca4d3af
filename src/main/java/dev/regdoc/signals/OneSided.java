package dev.regdoc.signals;

import java.time.Instant;

/**
 * A signaling message present in one capture and missing from the other.
 *
 * @param lost true when the direction of travel says it was lost between the capture points
 * @param direction "phone-to-cucm" or "cucm-to-phone"
 */
public record OneSided(
    String device, String message, String direction, boolean lost, String file, long frame, Instant time, String missingFrom) implements Cited {

  public boolean isKeepalive() {
    return message.startsWith("REGISTER") || message.contains("KeepAlive") || message.startsWith("SIP 200");
  }
}
