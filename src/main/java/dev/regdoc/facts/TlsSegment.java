package dev.regdoc.facts;

/**
 * New data on an encrypted signaling port (SIP over TLS 5061, SCCP over TLS 2443): the content is
 * unreadable, but its timing still tells when the phone and CUCM spoke.
 */
public record TlsSegment(Origin origin, Endpoints endpoints, long seq, int length)
    implements Fact {}
