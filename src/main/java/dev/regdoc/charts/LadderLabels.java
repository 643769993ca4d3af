package dev.regdoc.charts;

import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.AddressEvent;
import dev.regdoc.timeline.event.EventDetails;
import dev.regdoc.timeline.event.RegisterRequest;
import dev.regdoc.timeline.event.SccpEvent;
import dev.regdoc.timeline.event.SipEvent;
import dev.regdoc.timeline.event.TcpEvent;

/** The text on a ladder's arrow: the message as an engineer names it, with what matters of it. */
final class LadderLabels {
  private LadderLabels() {}

  static String of(TimelineEvent e, Labels labels) {
    EventDetails d = e.details();
    if (d instanceof SipEvent s) {
      return sip(s, labels);
    }
    if (d instanceof SccpEvent s) {
      return sccp(s, e);
    }
    if (d instanceof TcpEvent.Retransmission r) {
      return labels.get(
              "ladder.retransmission", r.delay() == null ? "?" : Scenes.seconds(r.delay()))
          + (r.carries() != null ? " (" + r.carries() + ")" : "");
    }
    if (d instanceof TcpEvent.Control c) {
      return "TCP " + c.flag().name().replace('_', '/');
    }
    if (d instanceof AddressEvent.ArpRequest r) {
      return "ARP who has " + r.ip() + "?";
    }
    if (d instanceof AddressEvent.ArpReply r) {
      return "ARP " + r.ip() + " is at " + r.mac();
    }
    return e.kind().id();
  }

  private static String sip(SipEvent s, Labels labels) {
    if (s instanceof SipEvent.Register r) {
      RegisterRequest q = r.request();
      return register(q) + (q.expires() != null ? " (Expires " + q.expires() + ")" : "");
    }
    if (s instanceof SipEvent.Refresh r) {
      return register(r.request()) + " (" + labels.get("mark.refresh") + ")";
    }
    if (s instanceof SipEvent.BackupKeepalive k) {
      return register(k.request()) + " (" + labels.get("mark.keepalive") + ", Expires 0)";
    }
    if (s instanceof SipEvent.Deregister r) {
      return register(r.request()) + " (Expires 0)";
    }
    if (s instanceof SipEvent.RegisterResponse r) {
      return r.status()
          + " "
          + r.reason()
          + " (CSeq "
          + r.cseq()
          + ")"
          + (r.granted() != null && r.status() == 200 && r.granted() > 0
              ? " Expires " + r.granted()
              : "");
    }
    if (s instanceof SipEvent.RequestRetransmission r) {
      return r.method()
          + " CSeq "
          + r.cseq()
          + ", "
          + labels.get("ladder.retransmission", Scenes.seconds(r.sinceFirst()));
    }
    return s.kind().id();
  }

  private static String register(RegisterRequest q) {
    return "REGISTER CSeq " + q.cseq();
  }

  private static String sccp(SccpEvent s, TimelineEvent e) {
    if (s instanceof SccpEvent.Register) {
      return "RegisterReq";
    } else if (s instanceof SccpEvent.RegisterAck a) {
      return "RegisterAck (keepalive " + a.keepAliveInterval() + " s)";
    } else if (s instanceof SccpEvent.RegisterReject) {
      return "RegisterReject";
    } else if (s instanceof SccpEvent.KeepAlive) {
      return "KeepAliveReq";
    } else if (s instanceof SccpEvent.KeepAliveAck) {
      return "KeepAliveAck";
    } else if (s instanceof SccpEvent.Unregister) {
      return "UnregisterReq";
    } else if (s instanceof SccpEvent.UnregisterAck) {
      return "UnregisterAck";
    } else if (s instanceof SccpEvent.Reset r) {
      return "Reset (" + r.resetType() + ")";
    }
    return e.kind().id();
  }
}
