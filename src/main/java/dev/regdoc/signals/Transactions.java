package dev.regdoc.signals;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.EventKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Groups a timeline's registration events into {@link RegisterTransaction}s. */
final class Transactions {
  private static final Set<EventKind> REQUESTS =
      EnumSet.of(
          EventKind.SIP_REGISTER,
          EventKind.SIP_REFRESH,
          EventKind.SIP_BACKUP_KEEPALIVE,
          EventKind.SIP_DEREGISTER);

  private Transactions() {}

  static List<RegisterTransaction> of(List<TimelineEvent> events) {
    Map<String, Builder> open = new LinkedHashMap<>();
    Map<String, Boolean> successByCall = new HashMap<>();
    Map<String, Builder> byCarried =
        new HashMap<>(); // file|"REGISTER CSeq n" -> latest such request
    List<Builder> sccp = new ArrayList<>();
    for (TimelineEvent e : events) {
      WorkLimit.checkpoint();
      String key = e.file() + "|" + e.details().get("callId") + "|" + e.details().get("cseq");
      if (REQUESTS.contains(e.kind())) {
        Builder b = open.computeIfAbsent(key, k -> new Builder(e, "SIP"));
        byCarried.put(e.file() + "|" + e.device() + "|REGISTER CSeq " + b.cseq, b);
      } else if (e.kind() == EventKind.SIP_REQUEST_RETRANSMISSION && open.containsKey(key)) {
        open.get(key).retransmitted(e.frame());
      } else if (e.kind() == EventKind.TCP_RETRANSMISSION
          && byCarried.containsKey(
              e.file() + "|" + e.device() + "|" + e.details().get("carries"))) {
        byCarried
            .get(e.file() + "|" + e.device() + "|" + e.details().get("carries"))
            .retransmitted(e.frame());
      } else if (e.kind() == EventKind.SIP_REGISTER_RESPONSE && open.containsKey(key)) {
        int status = ((Number) e.details().get("status")).intValue();
        open.get(key).answered(status, (String) e.details().get("reason"), e.frame());
        if (status / 100 == 2) {
          successByCall.put(e.file() + "|" + e.details().get("callId"), true);
        }
      } else if (e.kind() == EventKind.SCCP_REGISTER) {
        sccp.add(new Builder(e, "SCCP"));
      } else if ((e.kind() == EventKind.SCCP_REGISTER_ACK
              || e.kind() == EventKind.SCCP_REGISTER_REJECT)
          && !sccp.isEmpty()) {
        Builder b = sccp.get(sccp.size() - 1);
        b.answered(
            e.kind() == EventKind.SCCP_REGISTER_ACK ? 200 : 403,
            (String) e.details().get("text"),
            e.frame());
        b.sccpRejected = e.kind() == EventKind.SCCP_REGISTER_REJECT;
      }
    }
    List<RegisterTransaction> out = new ArrayList<>();
    open.values()
        .forEach(
            b -> out.add(b.build(successByCall.getOrDefault(b.file() + "|" + b.callId, false))));
    sccp.forEach(b -> out.add(b.build(false)));
    return out;
  }

  private static final class Builder {
    final TimelineEvent first;
    final String protocol;
    final String callId;
    final long cseq;
    final List<Long> frames = new ArrayList<>();
    int status;
    String reason;
    long finalFrame;
    boolean sccpRejected;

    Builder(TimelineEvent e, String protocol) {
      this.first = e;
      this.protocol = protocol;
      this.callId = (String) e.details().get("callId");
      this.cseq = e.details().get("cseq") instanceof Number n ? n.longValue() : -1;
      frames.add(e.frame());
    }

    String file() {
      return first.file();
    }

    void retransmitted(long frame) {
      frames.add(frame);
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
      boolean rejected = "SCCP".equals(protocol) ? sccpRejected : status >= 300 && !challenge;
      Object server = first.details().get("server");
      String host = server == null ? null : server.toString().replaceAll(":\\d+$", "");
      return new RegisterTransaction(
          first.device(),
          protocol,
          first.file(),
          first.frame(),
          first.time(),
          host,
          callId,
          cseq,
          first.kind() == EventKind.SIP_BACKUP_KEEPALIVE,
          frames.size(),
          status,
          reason,
          finalFrame,
          rejected,
          challenge,
          laterSuccess,
          List.copyOf(frames));
    }
  }
}
