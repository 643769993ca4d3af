package dev.regdoc.facts;

import java.time.Instant;

/**
 * A segment whose data was seen before in the same direction.
 *
 * @param originalFrame frame of the first transmission, 0 if the capture did not hold it
 * @param delaySeconds time since the first transmission (the RTO series), NaN if unknown
 * @param attempt 1 for the first retransmission, 2 for the second ...
 */
public record TcpRetransmission(
    Origin origin,
    Endpoints endpoints,
    long seq,
    int length,
    long originalFrame,
    Instant originalTime,
    double delaySeconds,
    int attempt)
    implements Fact {}
