package dev.regdoc.facts;

/**
 * A data-carrying segment on a signaling port, first transmission only. Used to match the same
 * segment in two captures of one conversation (by flow and sequence number, not by time).
 */
public record TcpSegment(Origin origin, Endpoints endpoints, long seq, int length, long ack)
    implements Fact {}
