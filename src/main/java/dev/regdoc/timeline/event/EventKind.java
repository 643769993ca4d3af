package dev.regdoc.timeline.event;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a timeline event is. The id is the stable kebab-case name the JSON schema ({@code
 * regdoc.timeline/1}) and the text table use; it is spelled here and nowhere else.
 */
public enum EventKind {
  SIP_REGISTER(Family.SIP, "sip-register"),
  SIP_REFRESH(Family.SIP, "sip-refresh"),
  SIP_BACKUP_KEEPALIVE(Family.SIP, "sip-backup-keepalive"),
  SIP_DEREGISTER(Family.SIP, "sip-deregister"),
  SIP_REGISTER_RESPONSE(Family.SIP, "sip-register-response"),
  SIP_REQUEST_RETRANSMISSION(Family.SIP, "sip-request-retransmission"),
  SIP_MESSAGE(Family.SIP, "sip-message"),

  SCCP_REGISTER(Family.SCCP, "sccp-register"),
  SCCP_REGISTER_ACK(Family.SCCP, "sccp-register-ack"),
  SCCP_REGISTER_REJECT(Family.SCCP, "sccp-register-reject"),
  SCCP_KEEPALIVE(Family.SCCP, "sccp-keepalive"),
  SCCP_KEEPALIVE_ACK(Family.SCCP, "sccp-keepalive-ack"),
  SCCP_KEEPALIVE_UNANSWERED(Family.SCCP, "sccp-keepalive-unanswered"),
  SCCP_UNREGISTER(Family.SCCP, "sccp-unregister"),
  SCCP_UNREGISTER_ACK(Family.SCCP, "sccp-unregister-ack"),
  SCCP_RESET(Family.SCCP, "sccp-reset"),
  SCCP_ALARM(Family.SCCP, "sccp-alarm"),
  SCCP_MESSAGE(Family.SCCP, "sccp-message"),

  TCP_RETRANSMISSION(Family.TCP, "tcp-retransmission"),
  TCP_DELIVERED(Family.TCP, "tcp-delivered"),
  TCP_GAP(Family.TCP, "tcp-gap"),
  TCP_SYN(Family.TCP, "tcp-syn"),
  TCP_SYN_ACK(Family.TCP, "tcp-syn-ack"),
  TCP_FIN(Family.TCP, "tcp-fin"),
  TCP_RST(Family.TCP, "tcp-rst"),
  TCP_RECONNECT(Family.TCP, "tcp-reconnect"),
  TLS_DATA(Family.TLS, "tls-data"),

  ARP_REQUEST(Family.ARP, "arp-request"),
  ARP_REPLY(Family.ARP, "arp-reply"),
  ARP_GRATUITOUS(Family.ARP, "arp-gratuitous"),
  ARP_BINDING_CHANGE(Family.ARP, "arp-binding-change"),
  ARP_CONFLICT(Family.ARP, "arp-conflict"),
  MAC_PATH(Family.ADDRESS, "mac-path"),
  ICMP_UNREACHABLE(Family.ADDRESS, "icmp-unreachable"),
  IP_FRAGMENTED(Family.ADDRESS, "ip-fragmented"),

  CUCM_ALARM(Family.LOG, "cucm-alarm"),
  CUCM_SIGNAL(Family.LOG, "cucm-signal"),
  SWITCH_LOG(Family.LOG, "switch-log"),
  ASA_LOG(Family.LOG, "asa-log"),

  FAILOVER(Family.REGISTRATION, "failover"),
  FALLBACK(Family.REGISTRATION, "fallback"),
  LOST_IN_NETWORK(Family.PATH, "lost-in-network"),
  SEEN_ONE_SIDE_ONLY(Family.PATH, "seen-one-side-only");

  /** Kinds that come from the same source and speak of the same things. */
  public enum Family {
    SIP,
    SCCP,
    TCP,
    TLS,
    ARP,
    ADDRESS,
    LOG,
    /** A registration moved to another CUCM. */
    REGISTRATION,
    /** A message one of two aligned captures lacks. */
    PATH
  }

  private final Family family;
  private final String id;

  EventKind(Family family, String id) {
    this.family = family;
    this.id = id;
  }

  public Family family() {
    return family;
  }

  @JsonValue
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
