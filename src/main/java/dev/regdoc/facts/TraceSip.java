package dev.regdoc.facts;

import java.time.LocalDateTime;

/**
 * A SIP message CUCM logged in its trace with the line before it: {@code Incoming SIP TCP message
 * from 192.0.2.45 on port 50708 index 7 with 612 bytes:} then {@code [N,NET]} then the message.
 *
 * @param origin the trace file (as the user named it, archive path included) and the line of the
 *     "Incoming/Outgoing" line; time in UTC
 * @param transport TCP for TCP and TLS lines (see {@code tls}), UDP for UDP
 * @param tls the line said TLS
 * @param remoteIp the other end's address as CUCM saw it (a NAT or proxy address when one is in
 *     between)
 * @param remotePort the other end's port
 * @param connectionIndex CUCM's number for the TCP connection, shared by the messages in and out on
 *     it and new for each new connection; -1 for UDP
 * @param messageNumber N of the {@code [N,NET]} line (one counter for all traced SIP messages); -1
 *     when the line was missing
 * @param declaredBytes the size the "with N bytes" or "size N" part gave; -1 when none (outgoing
 *     TCP lines carry none)
 * @param message the message read with regdoc's SIP parser: start line, Call-ID, CSeq, topmost Via
 *     branch, Expires, Contact with device name and keepalive flag, Reason. Its endpoints are the
 *     remote end and the node's own address (from the file header; null when unknown) with port
 *     5060 for TCP and UDP and 5061 for TLS: the trace does not write CUCM's own port
 * @param joinedFrom when the file rotation cut the message, the next file whose first lines held
 *     the rest; null otherwise
 * @param incomplete the message is known to be cut (shorter than declared, or its rest was not
 *     given): its fields may be missing
 */
public record TraceSip(
    Origin origin,
    String node,
    LocalDateTime localTime,
    TraceDirection direction,
    Transport transport,
    boolean tls,
    String remoteIp,
    int remotePort,
    long connectionIndex,
    long messageNumber,
    int declaredBytes,
    SipMessage message,
    String joinedFrom,
    boolean incomplete)
    implements TraceRecord {}
