package dev.regdoc.capture;

import dev.regdoc.common.BoundedMap;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.TcpControl;
import dev.regdoc.facts.TlsSegment;
import java.util.Map;

/**
 * Follows every TCP connection on a signaling port; the flow table is bounded (least recently used
 * out).
 */
final class TcpTracker {
  static final int MAX_FLOWS = 100_000;

  private final String file;
  private final FactSink sink;
  private final SignalingPorts ports;
  private final Map<FlowKey, Flow> flows = BoundedMap.leastRecentlyUsedOut(MAX_FLOWS);
  private final HeldBytes heldBytes = new HeldBytes();

  /** Both directions of one connection. */
  private record Flow(TcpDirection fromA, TcpDirection fromB) {}

  TcpTracker(String file, FactSink sink, SignalingPorts ports) {
    this.file = file;
    this.sink = sink;
    this.ports = ports;
  }

  /** What the streams' unfinished messages hold, all together. */
  HeldBytes heldBytes() {
    return heldBytes;
  }

  /** The capture ended: every stream reads what still waits behind a hole. */
  void finish() {
    for (Flow flow : flows.values()) {
      flow.fromA().finish();
      flow.fromB().finish();
    }
  }

  void handle(DecodedFrame f) {
    FlowKey key = FlowKey.of(f);
    Flow flow = flows.computeIfAbsent(key, k -> newFlow(k, f));
    boolean a = key.fromA(f);
    TcpDirection dir = a ? flow.fromA() : flow.fromB();
    TcpDirection other = a ? flow.fromB() : flow.fromA();
    if (f.flag(DecodedFrame.SYN)) {
      dir.syn(f.seq);
      control(f, dir, f.flag(DecodedFrame.ACK) ? TcpControl.Kind.SYN_ACK : TcpControl.Kind.SYN);
    }
    if (f.flag(DecodedFrame.RST)) {
      control(f, dir, TcpControl.Kind.RST);
    }
    if (f.flag(DecodedFrame.ACK)) {
      other.peerHas(f.ack); // messages come out in frame order where the capture allows
    }
    if (f.payloadLength + f.payloadMissing > 0
        && !f.flag(DecodedFrame.SYN)
        && !f.flag(DecodedFrame.RST)) {
      boolean fresh = dir.data(f, file, sink, other.lastDelivered());
      if (fresh && dir.assembler == null) {
        sink.accept(
            new TlsSegment(origin(f), dir.endpoints, f.seq, f.payloadLength + f.payloadMissing));
      }
    }
    if (f.flag(DecodedFrame.FIN)) {
      dir.fin(f.seq, f.payloadLength + f.payloadMissing);
      control(f, dir, TcpControl.Kind.FIN);
    }
    if (f.flag(DecodedFrame.ACK)) {
      other.acknowledged(f.ack, f, file, sink);
    }
  }

  private void control(DecodedFrame f, TcpDirection dir, TcpControl.Kind kind) {
    sink.accept(new TcpControl(origin(f), dir.endpoints, kind, f.seq, f.ttl));
  }

  private Origin origin(DecodedFrame f) {
    return Origin.frame(file, f.frame, f.time);
  }

  private Flow newFlow(FlowKey key, DecodedFrame f) {
    Endpoints fwd = new Endpoints(f.srcIp(), f.srcPort, f.dstIp(), f.dstPort);
    Endpoints rev = fwd.reversed();
    TcpDirection d1 = new TcpDirection(fwd, assembler(fwd), heldBytes);
    TcpDirection d2 = new TcpDirection(rev, assembler(rev), heldBytes);
    return key.fromA(f) ? new Flow(d1, d2) : new Flow(d2, d1);
  }

  private StreamAssembler assembler(Endpoints e) {
    if (ports.isSip(e.srcPort()) || ports.isSip(e.dstPort())) {
      return new SipStreamAssembler(file, e, sink, heldBytes);
    }
    if (ports.isSccp(e.srcPort()) || ports.isSccp(e.dstPort())) {
      return new SccpStreamAssembler(file, e, sink, heldBytes);
    }
    return null; // TLS: timing only
  }
}
