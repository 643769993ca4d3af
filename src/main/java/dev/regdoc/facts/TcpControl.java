package dev.regdoc.facts;

/** A SYN, SYN/ACK, FIN or RST on a signaling port. */
public record TcpControl(Origin origin, Endpoints endpoints, Kind kind, long seq) implements Fact {
  public enum Kind {
    SYN,
    SYN_ACK,
    FIN,
    RST
  }
}
