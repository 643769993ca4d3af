package dev.regdoc.facts;

/**
 * One interface's error counters from an IOS "show interfaces" output. A duplex mismatch shows on
 * the full-duplex side as runts and CRC errors (the half-duplex neighbour aborts its frames when
 * the full-duplex side talks over it) and on the half-duplex side as late collisions; clean
 * counters on the phone's port clear it.
 *
 * @param duplex "full", "half" or "auto" as the output states it; null when it does not
 */
public record InterfaceCounters(
    Origin origin,
    String host,
    String interfaceName,
    String duplex,
    long runts,
    long crc,
    long lateCollisions)
    implements Fact {}
