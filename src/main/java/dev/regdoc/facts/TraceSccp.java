package dev.regdoc.facts;

import java.time.LocalDateTime;

/**
 * An SCCP (Skinny) station message CUCM logged: {@code StationInit: (0005195) InboundStim -
 * KeepAliveMessageID} (SDL, CUCM 9 and later), or the older SDI wording {@code StationInit -
 * InboundStim - KeepAliveMessage ... DeviceName=SEP..., TCPHandle=0x4fbbc30, IPAddr=..., Port=...}.
 *
 * @param messageId the SCCP message id when the wording names one regdoc knows (0x0000
 *     KeepAliveReq, 0x0001 RegisterReq, 0x0081 RegisterAck, 0x009D RegisterReject, 0x0100
 *     KeepAliveAck, 0x0027 UnregisterReq, 0x0118 UnregisterAck, 0x009F Reset, 0x0020 Alarm); -1
 *     otherwise (a new connection, call handling)
 * @param name Wireshark's name for {@code messageId} (as in captures), else the trace's own word
 * @param traceWording the message word as the trace wrote it, e.g. {@code KeepAliveMessage}
 * @param deviceName SEP... from the line itself or from a signal naming the same station process;
 *     null when neither did
 * @param deviceIp the phone's address when known, else null
 * @param devicePort the phone's TCP port when the line gave it, else -1
 * @param connection the TCP handle ({@code 0x4fbbc30}) when the line gave one, else the station
 *     process instance ({@code StationD 5195}); null when neither: the key to follow one connection
 *     in order
 * @param stationInstance the StationD process instance, -1 when the line gave none
 */
public record TraceSccp(
    Origin origin,
    String node,
    LocalDateTime localTime,
    TraceDirection direction,
    int messageId,
    String name,
    String traceWording,
    String deviceName,
    String deviceIp,
    int devicePort,
    String connection,
    long stationInstance)
    implements TraceRecord {}
