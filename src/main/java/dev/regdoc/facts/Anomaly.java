package dev.regdoc.facts;

/**
 * Something odd but survivable in the input (junk before a SIP start line, an SCCP length that
 * makes no sense, a line that is not syslog). Recorded, never thrown.
 *
 * @param code stable kebab-case id, e.g. {@code sip-junk-before-start-line}
 * @param detail human readable, names what was seen
 */
public record Anomaly(Origin origin, String code, String detail) implements Fact {}
