package dev.regdoc.signals;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.Protocol;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.EventDetails;
import dev.regdoc.timeline.event.MessageName;
import dev.regdoc.timeline.event.SccpEvent;
import dev.regdoc.timeline.event.SipEvent;
import dev.regdoc.timeline.event.TcpEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Groups a timeline's registration events into {@link RegisterTransaction}s. */
final class Transactions {
  private static final String REGISTER = "REGISTER";

  /** A SIP transaction of one capture. */
  private record Key(String file, String callId, long cseq) {}

  /** A SIP call (dialog) of one capture. */
  private record Call(String file, String callId) {}

  /** A message one phone sent, in one capture. */
  private record Sent(String file, String device, MessageName message) {}

  private final Map<Key, Builder> open = new LinkedHashMap<>();
  private final Set<Call> succeededCalls = new HashSet<>();
  private final Map<Sent, Builder> byCarried = new HashMap<>(); // the latest such request
  private final List<Builder> sccp = new ArrayList<>();

  private Transactions() {}

  static List<RegisterTransaction> of(List<TimelineEvent> events) {
    Transactions t = new Transactions();
    for (TimelineEvent e : events) {
      WorkLimit.checkpoint();
      t.see(e);
    }
    List<RegisterTransaction> out = new ArrayList<>();
    t.open
        .values()
        .forEach(b -> out.add(b.build(t.succeededCalls.contains(new Call(b.file(), b.callId)))));
    t.sccp.forEach(b -> out.add(b.build(false)));
    return out;
  }

  private void see(TimelineEvent e) {
    EventDetails d = e.details();
    if (d instanceof SipEvent.Registering r) {
      Key key = new Key(e.file(), r.request().callId(), r.request().cseq());
      Builder b = open.computeIfAbsent(key, k -> Builder.sip(e, r));
      byCarried.put(new Sent(e.file(), e.device(), MessageName.sipRequest(REGISTER, b.cseq)), b);
    } else if (d instanceof SipEvent.RequestRetransmission r) {
      Builder b = open.get(new Key(e.file(), r.callId(), r.cseq()));
      if (b != null) {
        b.retransmitted(e.frame());
      }
    } else if (d instanceof TcpEvent.Retransmission r) {
      Builder b = byCarried.get(new Sent(e.file(), e.device(), r.carries()));
      if (b != null) {
        b.retransmitted(e.frame());
      }
    } else if (d instanceof SipEvent.RegisterResponse r) {
      Builder b = open.get(new Key(e.file(), r.callId(), r.cseq()));
      if (b != null) {
        b.answered(r.status(), r.reason(), e.frame());
        if (r.status() / 100 == 2) {
          succeededCalls.add(new Call(e.file(), r.callId()));
        }
      }
    } else if (d instanceof SccpEvent.Register r) {
      sccp.add(Builder.sccp(e, r));
    } else if (d instanceof SccpEvent.RegisterAck && !sccp.isEmpty()) {
      sccp.get(sccp.size() - 1).answered(200, null, e.frame());
    } else if (d instanceof SccpEvent.RegisterReject r && !sccp.isEmpty()) {
      Builder b = sccp.get(sccp.size() - 1);
      b.answered(403, r.text(), e.frame());
      b.sccpRejected = true;
    }
  }

  private static final class Builder {
    final TimelineEvent first;
    final Protocol protocol;
    final String server;
    final String callId;
    final long cseq;
    final boolean keepalive;
    // every transmission's frame; a large capture has a builder for each of its hundred thousand
    // attempts at once, nearly all sent once: a long array, not a list of boxed frame numbers
    long[] frames = new long[1];
    int transmissions;
    int status;
    String reason;
    long finalFrame;
    boolean sccpRejected;

    private Builder(
        TimelineEvent e,
        Protocol protocol,
        String server,
        String callId,
        long cseq,
        boolean keepalive) {
      this.first = e;
      this.protocol = protocol;
      this.server = server;
      this.callId = callId;
      this.cseq = cseq;
      this.keepalive = keepalive;
      frames[transmissions++] = e.frame();
    }

    static Builder sip(TimelineEvent e, SipEvent.Registering r) {
      return new Builder(
          e,
          Protocol.SIP,
          r.request().server(),
          r.request().callId(),
          r.request().cseq(),
          r instanceof SipEvent.BackupKeepalive);
    }

    static Builder sccp(TimelineEvent e, SccpEvent.Register r) {
      return new Builder(e, Protocol.SCCP, r.server(), null, -1, false);
    }

    String file() {
      return first.file();
    }

    void retransmitted(long frame) {
      if (transmissions == frames.length) {
        frames = Arrays.copyOf(frames, transmissions * 2);
      }
      frames[transmissions++] = frame;
    }

    void answered(int s, String r, long frame) {
      if (s >= 200 && status == 0) {
        status = s;
        reason = r;
        finalFrame = frame;
      }
    }

    RegisterTransaction build(boolean laterSuccess) {
      boolean challenge = status == 401 || status == 407;
      boolean rejected = protocol == Protocol.SCCP ? sccpRejected : status >= 300 && !challenge;
      return new RegisterTransaction(
          first.device(),
          protocol,
          first.file(),
          first.frame(),
          first.time(),
          server,
          callId,
          cseq,
          keepalive,
          transmissions,
          status,
          reason,
          finalFrame,
          rejected,
          challenge,
          laterSuccess,
          FrameList.of(Arrays.copyOf(frames, transmissions)));
    }
  }
}
