package dev.regdoc.facts;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cisco's well-known signaling ports: the one list that the capture filter starts from (extra SIP
 * ports may be configured on top), that tells a phone from its CUCM in the timeline, and that tells
 * a signaling connection in a firewall's log.
 */
public enum SignalingPort {
  SIP(Protocol.SIP, false, 5060),
  SIP_TLS(Protocol.SIP, true, 5061),
  SCCP(Protocol.SCCP, false, 2000),
  SCCP_TLS(Protocol.SCCP, true, 2443);

  private final Protocol protocol;
  private final boolean tls;
  private final int number;

  SignalingPort(Protocol protocol, boolean tls, int number) {
    this.protocol = protocol;
    this.tls = tls;
    this.number = number;
  }

  public Protocol protocol() {
    return protocol;
  }

  public boolean tls() {
    return tls;
  }

  public int number() {
    return number;
  }

  /** "SIP", "SIP (TLS)", "SCCP", "SCCP (TLS)". */
  public String label() {
    return protocol.name() + (tls ? " (TLS)" : "");
  }

  /** The well-known port {@code port} is, if it is one. */
  public static Optional<SignalingPort> of(int port) {
    return Arrays.stream(values()).filter(p -> p.number == port).findFirst();
  }

  public static boolean isSignaling(int port) {
    return of(port).isPresent();
  }

  /** The port numbers of one protocol, in clear or over TLS. */
  public static Set<Integer> numbers(Protocol protocol, boolean tls) {
    return Arrays.stream(values())
        .filter(p -> p.protocol == protocol && p.tls == tls)
        .map(SignalingPort::number)
        .collect(Collectors.toUnmodifiableSet());
  }
}
