package dev.regdoc.timeline;

import static dev.regdoc.timeline.Events.details;
import static dev.regdoc.timeline.Events.round3;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.timeline.event.EventKind;
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

  private final Map<String, Instant> lastOk = new HashMap<>(); // server|callId -> last 200 OK
  private final Map<String, Integer> granted = new HashMap<>();
  private final Map<String, Instant> lastKeepAlive = new HashMap<>(); // device|server
  private final Map<String, SipMessage> firstRequest = new HashMap<>(); // callId|cseq
  private final Map<String, Integer> attempts = new HashMap<>();

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
    String txKey = m.callId() + "|" + m.cseq() + "|" + m.method();
    SipMessage first = firstRequest.putIfAbsent(txKey, m);
    if (first != null) {
      int n = attempts.merge(txKey, 1, Integer::sum);
      add(
          m,
          EventKind.SIP_REQUEST_RETRANSMISSION,
          device,
          m.method()
              + " CSeq "
              + m.cseq()
              + " sent again (attempt "
              + (n + 1)
              + ", "
              + round3(seconds(first.time(), m.time()))
              + " s after the first)",
          details(
              "method",
              m.method(),
              "callId",
              m.callId(),
              "cseq",
              m.cseq(),
              "attempt",
              n + 1,
              "sinceFirst",
              round3(seconds(first.time(), m.time())),
              "firstFrame",
              first.origin().frame(),
              "server",
              server));
      return;
    }
    if (!m.isRegister()) {
      add(
          m,
          EventKind.SIP_MESSAGE,
          device,
          m.method() + " to " + server,
          details("method", m.method(), "callId", m.callId(), "cseq", m.cseq()));
      return;
    }
    Map<String, Object> d =
        details(
            "server",
            server + ":" + m.endpoints().dstPort(),
            "transport",
            m.transport().name(),
            "callId",
            m.callId(),
            "cseq",
            m.cseq(),
            "expires",
            m.effectiveExpires(),
            "userAgent",
            m.userAgent(),
            "reasonHeader",
            m.reasonHeader());
    if (m.ciscoKeepAlive()) {
      keepAlive(m, device, server, d);
    } else if (m.isDeregistration()) {
      add(
          m,
          EventKind.SIP_DEREGISTER,
          device,
          "REGISTER Expires 0 to " + server + ": the phone removes its registration",
          d);
    } else if (lastOk.containsKey(server + "|" + m.callId())) {
      refresh(m, device, server, d);
    } else {
      add(
          m,
          EventKind.SIP_REGISTER,
          device,
          "REGISTER to "
              + server
              + (m.effectiveExpires() == null
                  ? " without Expires"
                  : " asking Expires " + m.effectiveExpires()),
          d);
    }
  }

  private void keepAlive(SipMessage m, String device, String server, Map<String, Object> d) {
    Instant prev = lastKeepAlive.put(device + "|" + server, m.time());
    String since = "";
    if (prev != null) {
      double interval = round3(seconds(prev, m.time()));
      d.put("interval", interval);
      since = ", " + interval + " s after the previous one";
    }
    add(
        m,
        EventKind.SIP_BACKUP_KEEPALIVE,
        device,
        "Keepalive REGISTER (Expires 0, cisco-keep-alive) to backup "
            + server
            + since
            + "; not a de-registration",
        d);
  }

  private void refresh(SipMessage m, String device, String server, Map<String, Object> d) {
    String key = server + "|" + m.callId();
    double since = round3(seconds(lastOk.get(key), m.time()));
    Integer g = granted.get(key);
    d.put("sinceLastOk", since);
    d.put("granted", g);
    boolean late = g != null && since > g;
    d.put("late", late);
    add(
        m,
        EventKind.SIP_REFRESH,
        device,
        "REGISTER refresh CSeq "
            + m.cseq()
            + " to "
            + server
            + ", "
            + since
            + " s after the last 200 OK"
            + (g == null ? "" : " (granted " + g + " s" + (late ? ", LATE" : "") + ")"),
        d);
  }

  private void response(SipMessage m) {
    String device = directory.deviceFor(directory.phoneIp(m.endpoints()));
    String server = directory.serverIp(m.endpoints());
    if (!m.isRegister()) {
      add(
          m,
          EventKind.SIP_MESSAGE,
          device,
          "SIP " + m.status() + " " + m.reasonPhrase() + " (" + m.cseqMethod() + ")",
          details("status", m.status(), "cseqMethod", m.cseqMethod(), "callId", m.callId()));
      return;
    }
    SipMessage req = firstRequest.get(m.callId() + "|" + m.cseq() + "|REGISTER");
    Map<String, Object> d =
        details(
            "status",
            m.status(),
            "reason",
            m.reasonPhrase(),
            "server",
            server,
            "callId",
            m.callId(),
            "cseq",
            m.cseq(),
            "granted",
            m.effectiveExpires(),
            "latency",
            req == null ? null : round3(seconds(req.time(), m.time())),
            "requestFrame",
            req == null ? null : req.origin().frame());
    String outcome = outcome(m, req);
    if ("registered".equals(outcome) && roles.isStale(m, req == null ? null : req.time(), device)) {
      outcome = "answered after the phone had moved to another CUCM";
    }
    d.put("outcome", outcome);
    add(
        m,
        EventKind.SIP_REGISTER_RESPONSE,
        device,
        m.status()
            + " "
            + m.reasonPhrase()
            + " to REGISTER CSeq "
            + m.cseq()
            + " from "
            + server
            + " ("
            + outcome
            + (m.status() == 200
                    && m.effectiveExpires() != null
                    && !"keepalive acknowledged".equals(outcome)
                ? ", Expires " + m.effectiveExpires()
                : "")
            + ")",
        d);
    if (m.status() >= 200 && m.status() < 300 && "registered".equals(outcome)) {
      lastOk.put(server + "|" + m.callId(), m.time());
      if (m.effectiveExpires() != null) {
        granted.put(server + "|" + m.callId(), m.effectiveExpires());
      }
      String left = roles.registered(m, req == null ? null : req.time(), device, server, "SIP");
      if (left != null) {
        // the registration with the server the phone left is gone: its next REGISTER starts afresh
        lastOk.keySet().removeIf(k -> k.startsWith(left + "|"));
      }
    }
  }

  private static String outcome(SipMessage m, SipMessage req) {
    int s = m.status();
    if (s < 200) {
      return "provisional";
    }
    if (s < 300) {
      if (req != null && req.ciscoKeepAlive()) {
        return "keepalive acknowledged";
      }
      if (req != null && req.isDeregistration()) {
        return "unregistered";
      }
      return "registered";
    }
    return s == 401 || s == 407 ? "challenge" : "rejected";
  }

  private void add(
      SipMessage m, EventKind kind, String device, String summary, Map<String, Object> d) {
    events.add(m, kind, device, summary, aligner.annotate(m, d));
  }

  private static double seconds(Instant a, Instant b) {
    return CaptureAligner.seconds(a, b);
  }
}
