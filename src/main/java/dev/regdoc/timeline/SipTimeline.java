package dev.regdoc.timeline;

import static dev.regdoc.timeline.Events.round3;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.Protocol;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.timeline.event.Direction;
import dev.regdoc.timeline.event.RegisterOutcome;
import dev.regdoc.timeline.event.RegisterRequest;
import dev.regdoc.timeline.event.SeenIn;
import dev.regdoc.timeline.event.SipEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SIP registration events of one capture: first registrations, refreshes with the interval since
 * the previous 200 OK (the phone times its refresh from the answer, not from its last request),
 * backup keepalives, de-registrations, retransmitted requests over UDP and the answers.
 */
final class SipTimeline {
  private final DeviceDirectory directory;
  private final Events events;
  private final ServerRoles roles;
  private final CaptureAligner aligner;

  private final Map<CompoundKey, Instant> lastOk = new HashMap<>(); // server, callId: last 200 OK
  private final Map<CompoundKey, Integer> granted = new HashMap<>(); // server, callId
  private final Map<CompoundKey, Instant> lastKeepAlive = new HashMap<>(); // device, server
  private final Map<CompoundKey, SipMessage> firstRequest = new HashMap<>(); // callId, method, cseq
  private final Map<CompoundKey, Integer> attempts = new HashMap<>();
  // file and server, callId: the last REGISTER CSeq this capture holds
  private final Map<CompoundKey, Long> lastRegisterCseq = new HashMap<>();

  SipTimeline(DeviceDirectory directory, Events events, ServerRoles roles, CaptureAligner aligner) {
    this.directory = directory;
    this.events = events;
    this.roles = roles;
    this.aligner = aligner;
  }

  void add(List<SipMessage> fileMessages) {
    for (SipMessage m : fileMessages) {
      WorkLimit.checkpoint();
      if (m.request()) {
        request(m);
      } else {
        response(m);
      }
    }
  }

  private void request(SipMessage m) {
    String device = directory.deviceFor(directory.phoneIp(m.endpoints()));
    String server = directory.serverIp(m.endpoints());
    SeenIn seen = aligner.seenIn(m);
    CompoundKey txKey = new CompoundKey(m.callId(), m.method(), m.cseq());
    SipMessage first = firstRequest.putIfAbsent(txKey, m);
    if (first != null) {
      int n = attempts.merge(txKey, 1, Integer::sum);
      double sinceFirst = round3(seconds(first.time(), m.time()));
      events.add(
          m,
          device,
          new SipEvent.RequestRetransmission(
              m.method(),
              m.callId(),
              m.cseq(),
              n + 1,
              sinceFirst,
              first.origin().frame(),
              server,
              seen));
      return;
    }
    if (!m.isRegister()) {
      boolean fromPhone = !server.equals(m.endpoints().srcIp());
      events.add(
          m,
          device,
          m.method() + (fromPhone ? " to " : " from ") + server,
          new SipEvent.Request(m.method(), m.callId(), m.cseq(), Direction.of(fromPhone), seen));
      return;
    }
    long unseen = unseenCseqs(m, server);
    RegisterRequest r =
        new RegisterRequest(
            server,
            m.endpoints().dstPort(),
            m.transport(),
            m.callId(),
            m.cseq(),
            m.effectiveExpires(),
            m.userAgent(),
            m.reasonHeader());
    if (m.ciscoKeepAlive()) {
      keepAlive(m, device, r, seen);
    } else if (m.isDeregistration()) {
      events.add(m, device, new SipEvent.Deregister(r, seen));
    } else if (lastOk.containsKey(CompoundKey.of(server, m.callId()))) {
      refresh(m, device, r, seen, unseen);
    } else {
      events.add(m, device, new SipEvent.Register(r, seen));
    }
  }

  private void keepAlive(SipMessage m, String device, RegisterRequest r, SeenIn seen) {
    Instant prev = lastKeepAlive.put(CompoundKey.of(device, r.server()), m.time());
    Double interval = prev == null ? null : round3(seconds(prev, m.time()));
    events.add(m, device, new SipEvent.BackupKeepalive(r, interval, seen));
  }

  /**
   * REGISTERs of this Call-ID the phone numbered between the last one this capture holds and this
   * one: sent, and never seen here.
   */
  private long unseenCseqs(SipMessage m, String server) {
    CompoundKey key = CompoundKey.of(m.origin().file() + "|" + server, m.callId());
    Long last = lastRegisterCseq.put(key, m.cseq());
    return last == null || m.cseq() <= last ? 0 : m.cseq() - last - 1;
  }

  private void refresh(SipMessage m, String device, RegisterRequest r, SeenIn seen, long unseen) {
    CompoundKey key = CompoundKey.of(r.server(), m.callId());
    double since = round3(seconds(lastOk.get(key), m.time()));
    Integer g = granted.get(key);
    boolean late = g != null && since > g;
    events.add(m, device, new SipEvent.Refresh(r, since, g, late, unseen, seen));
  }

  private void response(SipMessage m) {
    String device = directory.deviceFor(directory.phoneIp(m.endpoints()));
    String server = directory.serverIp(m.endpoints());
    SeenIn seen = aligner.seenIn(m);
    if (!m.isRegister()) {
      events.add(
          m,
          device,
          "SIP " + m.status() + " " + m.reasonPhrase() + " (" + m.cseqMethod() + ")",
          new SipEvent.Response(m.status(), m.cseqMethod(), m.callId(), seen));
      return;
    }
    SipMessage req = firstRequest.get(new CompoundKey(m.callId(), "REGISTER", m.cseq()));
    RegisterOutcome outcome = outcome(m, req);
    if (outcome == RegisterOutcome.REGISTERED
        && roles.isStale(m, req == null ? null : req.time(), device)) {
      outcome = RegisterOutcome.STALE;
    }
    events.add(
        m,
        device,
        new SipEvent.RegisterResponse(
            m.status(),
            m.reasonPhrase(),
            server,
            m.callId(),
            m.cseq(),
            m.effectiveExpires(),
            req == null ? null : round3(seconds(req.time(), m.time())),
            req == null ? null : req.origin().frame(),
            outcome,
            seen));
    if (m.status() >= 200 && m.status() < 300 && outcome == RegisterOutcome.REGISTERED) {
      CompoundKey key = CompoundKey.of(server, m.callId());
      lastOk.put(key, m.time());
      if (m.effectiveExpires() != null) {
        granted.put(key, m.effectiveExpires());
      }
      String left =
          roles.registered(m, req == null ? null : req.time(), device, server, Protocol.SIP);
      if (left != null) {
        // the registration with the server the phone left is gone: its next REGISTER starts afresh
        lastOk.keySet().removeIf(k -> left.equals(k.first()));
      }
    }
  }

  private static RegisterOutcome outcome(SipMessage m, SipMessage req) {
    int s = m.status();
    if (s < 200) {
      return RegisterOutcome.PROVISIONAL;
    }
    if (s < 300) {
      if (req != null && req.ciscoKeepAlive()) {
        return RegisterOutcome.KEEPALIVE_ACKNOWLEDGED;
      }
      if (req != null && req.isDeregistration()) {
        return RegisterOutcome.UNREGISTERED;
      }
      return RegisterOutcome.REGISTERED;
    }
    return s == 401 || s == 407 ? RegisterOutcome.CHALLENGE : RegisterOutcome.REJECTED;
  }

  private static double seconds(Instant a, Instant b) {
    return CaptureAligner.seconds(a, b);
  }
}
