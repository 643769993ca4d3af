package dev.regdoc.facts;

/**
 * The peer acknowledged data that had been retransmitted: which attempt got through and when.
 *
 * @param origin the ACK frame
 * @param lastAttemptFrame the transmission the ACK followed
 * @param attempts retransmissions before the ACK
 * @param secondsSinceFirstSend from the first transmission to the ACK
 */
public record TcpDelivered(
    Origin origin,
    Endpoints endpoints,
    long seq,
    int length,
    long firstFrame,
    long lastAttemptFrame,
    int attempts,
    double secondsSinceFirstSend)
    implements Fact {}
