package dev.regdoc.facts;

import java.util.List;

/**
 * One SIP request or response as read from UDP or a reassembled TCP stream.
 *
 * @param frame origin frame is the frame that completed the message (Wireshark's choice);
 *     firstFrame is the frame holding its first byte
 * @param status 0 for requests
 * @param cseqMethod method named in CSeq (for responses: which request they answer)
 * @param viaBranch the branch parameter of the topmost Via, null when absent: with Call-ID and CSeq
 *     it names one transaction, so the same message can be matched in another capture or a trace
 * @param expiresHeader value of the Expires header, null when absent
 * @param contactExpires the expires parameter of the (first) Contact, null when absent
 * @param deviceName Cisco {@code +u.sip!devicename.ccm.cisco.com}, null when absent
 * @param instanceMac last 12 hex digits of the {@code +sip.instance} urn:uuid, lower case, or null
 * @param ciscoKeepAlive Contact carries {@code cisco-keep-alive}: a keepalive to a backup CUCM
 * @param tcpSeq sequence number of the first byte (TCP), -1 for UDP
 * @param tcpLength bytes the message occupies in the stream (TCP), its size for UDP
 */
public record SipMessage(
    Origin origin,
    long firstFrame,
    Transport transport,
    Endpoints endpoints,
    boolean request,
    String method,
    int status,
    String reasonPhrase,
    String requestUri,
    String callId,
    long cseq,
    String cseqMethod,
    String viaBranch,
    Integer expiresHeader,
    Integer contactExpires,
    String contact,
    String deviceName,
    String instanceMac,
    boolean ciscoKeepAlive,
    String userAgent,
    String reasonHeader,
    long tcpSeq,
    int tcpLength,
    List<String> anomalies)
    implements Fact {

  public boolean isRegister() {
    return "REGISTER".equals(request ? method : cseqMethod);
  }

  /** The Expires that applies: the Contact parameter wins over the header (RFC 3261 10.2.1.1). */
  public Integer effectiveExpires() {
    return contactExpires != null ? contactExpires : expiresHeader;
  }

  /** A REGISTER asking to remove the binding, excluding Cisco's keepalive to a backup CUCM. */
  public boolean isDeregistration() {
    Integer e = effectiveExpires();
    return request && isRegister() && e != null && e == 0 && !ciscoKeepAlive;
  }
}
