package dev.regdoc.signals;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.MessageName;
import dev.regdoc.timeline.event.SccpEvent;
import dev.regdoc.timeline.event.SipEvent;
import dev.regdoc.timeline.event.TcpEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lookups over a timeline's events: retransmissions by what they carried, answers by request. */
final class EventIndex {
  /** How long after a message its retransmissions are looked for. */
  private static final double RETRANSMISSION_WINDOW_SECONDS = 64;

  private record Carried(String file, String device, MessageName message) {}

  private record Transaction(String file, String callId, long cseq) {}

  private record Frame(String file, long frame) {}

  private final Map<Carried, List<TimelineEvent>> rtxByCarried = new HashMap<>();
  private final Map<Transaction, TimelineEvent> okByTransaction = new HashMap<>();
  private final Map<Frame, TimelineEvent> sccpAckByKeepalive = new HashMap<>();
  private final Map<Carried, List<TimelineEvent>> sccpResets = new HashMap<>();

  EventIndex(List<TimelineEvent> events) {
    for (TimelineEvent e : events) {
      WorkLimit.checkpoint();
      if (e.details() instanceof TcpEvent.Retransmission r && r.carries() != null) {
        rtxByCarried
            .computeIfAbsent(new Carried(e.file(), e.device(), r.carries()), k -> new ArrayList<>())
            .add(e);
      } else if (e.details() instanceof SipEvent.RegisterResponse r && r.status() / 100 == 2) {
        okByTransaction.putIfAbsent(new Transaction(e.file(), r.callId(), r.cseq()), e);
      } else if (e.details() instanceof SccpEvent.KeepAliveAck a && a.keepaliveFrame() != null) {
        sccpAckByKeepalive.put(new Frame(e.file(), a.keepaliveFrame()), e);
      } else if (e.details() instanceof SccpEvent.Reset) {
        sccpResets
            .computeIfAbsent(new Carried(e.file(), e.device(), null), k -> new ArrayList<>())
            .add(e);
      }
    }
  }

  /**
   * One phone's TCP retransmissions of {@code message}, within a minute or so after {@code sent}.
   */
  List<TimelineEvent> retransmissions(
      String file, String device, MessageName message, Instant sent) {
    return rtxByCarried.getOrDefault(new Carried(file, device, message), List.of()).stream()
        .filter(
            r ->
                !r.time().isBefore(sent) && seconds(sent, r.time()) < RETRANSMISSION_WINDOW_SECONDS)
        .toList();
  }

  /** The first 2xx answer to a REGISTER transaction, or null. */
  TimelineEvent ok(String file, String callId, long cseq) {
    return okByTransaction.get(new Transaction(file, callId, cseq));
  }

  /** The KeepAliveAck that answered the keepalive at {@code keepaliveFrame}, or null. */
  TimelineEvent sccpAck(String file, long keepaliveFrame) {
    return sccpAckByKeepalive.get(new Frame(file, keepaliveFrame));
  }

  /** The first SCCP Reset CUCM sent this phone at or after {@code t} in this file, or null. */
  TimelineEvent sccpResetAfter(String file, String device, Instant t) {
    return sccpResets.getOrDefault(new Carried(file, device, null), List.of()).stream()
        .filter(r -> !r.time().isBefore(t))
        .findFirst()
        .orElse(null);
  }

  static double seconds(Instant a, Instant b) {
    return Duration.between(a, b).toNanos() / 1e9;
  }
}
