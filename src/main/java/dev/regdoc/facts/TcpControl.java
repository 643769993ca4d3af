package dev.regdoc.facts;

/** A SYN, SYN/ACK, FIN or RST on a signaling port. */
/**
 * @param ttl IP TTL or hop limit of the packet: a reset forged by a middle box often has a TTL that
 *     differs from the real peer's
 */
public record TcpControl(Origin origin, Endpoints endpoints, Kind kind, long seq, int ttl)
    implements Fact {
  public enum Kind {
    SYN,
    SYN_ACK,
    FIN,
    RST
  }
}
