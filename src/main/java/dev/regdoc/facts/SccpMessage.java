package dev.regdoc.facts;

/**
 * One SCCP (Skinny) PDU from a reassembled TCP stream.
 *
 * @param messageId numeric id (little endian on the wire), e.g. 0x0000 KeepAliveReq
 * @param name Wireshark's name for the id, or "0x%04X" when unknown
 * @param deviceName RegisterReq device name (null otherwise)
 * @param stationIp RegisterReq station IPv4 (null otherwise)
 * @param keepAliveInterval RegisterAck primary keepalive interval in seconds (0 otherwise)
 * @param secondaryKeepAliveInterval RegisterAck backup keepalive interval in seconds (0 otherwise)
 * @param code Reset type, UnregisterAck status, Unregister reason, Alarm severity; -1 when absent
 * @param text RegisterReject text, Alarm text, or the EnhancedAlarm XML; null otherwise
 */
public record SccpMessage(
    Origin origin,
    long firstFrame,
    Endpoints endpoints,
    int messageId,
    String name,
    String deviceName,
    String stationIp,
    int keepAliveInterval,
    int secondaryKeepAliveInterval,
    int code,
    String text,
    long tcpSeq,
    int length)
    implements Fact {}
