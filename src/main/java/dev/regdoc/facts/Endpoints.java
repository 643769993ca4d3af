package dev.regdoc.facts;

/** Source and destination of a packet; IPs in their usual text form (IPv6 compressed). */
public record Endpoints(String srcIp, int srcPort, String dstIp, int dstPort) {

  public Endpoints reversed() {
    return new Endpoints(dstIp, dstPort, srcIp, srcPort);
  }

  @Override
  public String toString() {
    return srcIp + ":" + srcPort + " > " + dstIp + ":" + dstPort;
  }
}
