package dev.regdoc.facts;

/** ICMP (v4 or v6) destination unreachable, with the packet it refers to. */
public record IcmpUnreachable(
    Origin origin, String reporterIp, String toIp, int code, String protocol, Endpoints about)
    implements Fact {}
