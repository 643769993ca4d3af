package dev.regdoc.signals;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.ingest.InputKind;
import dev.regdoc.timeline.DeviceInfo;
import dev.regdoc.timeline.Timeline;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.EventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Derives the typed signals the rules reason about from a timeline: each refresh with its
 * retransmissions and answer, each keepalive with its answer, role changes, one-sided messages.
 * Pure Java, no rule engine: the arithmetic lives here, the judgement in the rules.
 */
public final class SignalBuilder {

  public List<Object> build(Timeline t) {
    List<Object> out = new ArrayList<>();
    Index idx = new Index(t.events());
    for (TimelineEvent e : t.events()) {
      WorkLimit.checkpoint();
      switch (e.kind()) {
        case SIP_REFRESH -> out.add(refresh(e, idx));
        case SCCP_KEEPALIVE -> out.add(sccpKeepalive(e, idx));
        case SIP_BACKUP_KEEPALIVE -> out.add(sipKeepalive(e, idx));
        case FAILOVER, FALLBACK ->
            out.add(
                new RoleChange(
                    e.device(),
                    e.kind().id(),
                    text(e, "from"),
                    text(e, "to"),
                    e.time(),
                    e.file(),
                    e.frame()));
        case LOST_IN_NETWORK, SEEN_ONE_SIDE_ONLY ->
            out.add(
                new OneSided(
                    e.device(),
                    text(e, "message"),
                    text(e, "direction"),
                    e.kind() == EventKind.LOST_IN_NETWORK,
                    e.file(),
                    e.frame(),
                    e.time(),
                    text(e, "missingFrom"),
                    Boolean.TRUE.equals(e.details().get("firstTransmissionOnly")),
                    num(e, "seq") == null ? -1 : num(e, "seq").longValue()));
        case SCCP_ALARM -> sccpReport(e).ifPresent(out::add);
        case SIP_REGISTER -> sipReport(e).ifPresent(out::add);
        default -> {}
      }
    }
    out.addAll(Transactions.of(t.events()));
    out.addAll(summaries(out));
    out.addAll(encrypted(t.events()));
    spans(t.events()).forEach(out::add);
    Set<CucmServer> servers = new LinkedHashSet<>();
    for (DeviceInfo d : t.devices()) {
      WorkLimit.checkpoint();
      out.add(new Phone(d.id(), d.mac(), d.ips(), d.servers(), d.protocol()));
      d.servers().stream().map(CucmServer::new).forEach(servers::add);
    }
    out.addAll(servers);
    out.addAll(t.clockOffsets());
    out.add(inputSummary(t, out));
    return out;
  }

  private static final java.util.regex.Pattern CISCO_ALARM =
      java.util.regex.Pattern.compile("cisco-alarm:(\\d++)");

  /**
   * Looked for after the alarm in a second pass: a lazy ".*?Last=" rescans the rest from every
   * alarm.
   */
  private static final java.util.regex.Pattern LAST_EVENT =
      java.util.regex.Pattern.compile("Last=([\\w-]++)");

  private static java.util.Optional<OutOfServiceReport> sccpReport(TimelineEvent e) {
    Object reason = e.details().get("ReasonForOutOfService");
    if (reason == null && e.details().get("LastProtocolEventSent") == null) {
      return java.util.Optional.empty();
    }
    int code = reason == null ? -1 : parseInt(reason.toString());
    String last =
        "sent "
            + e.details().getOrDefault("LastProtocolEventSent", "?")
            + ", received "
            + e.details().getOrDefault("LastProtocolEventReceived", "?");
    return java.util.Optional.of(
        new OutOfServiceReport(e.device(), "SCCP", code, last, e.file(), e.frame(), e.time()));
  }

  private static java.util.Optional<OutOfServiceReport> sipReport(TimelineEvent e) {
    Object header = e.details().get("reasonHeader");
    java.util.regex.Matcher m = header == null ? null : CISCO_ALARM.matcher(header.toString());
    if (m == null || !m.find()) {
      return java.util.Optional.empty();
    }
    java.util.regex.Matcher last =
        LAST_EVENT.matcher(header.toString()).region(m.end(), header.toString().length());
    String lastEvent = last.find() ? last.group(1) : null;
    return java.util.Optional.of(
        new OutOfServiceReport(
            e.device(), "SIP", parseInt(m.group(1)), lastEvent, e.file(), e.frame(), e.time()));
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException x) {
      return -1;
    }
  }

  private static InputSummary inputSummary(Timeline t, List<Object> signals) {
    java.util.function.Function<Class<?>, Integer> count =
        c -> (int) signals.stream().filter(c::isInstance).count();
    int alarms = (int) t.events().stream().filter(e -> e.kind() == EventKind.CUCM_ALARM).count();
    int arp =
        (int) t.events().stream().filter(e -> e.kind().family() == EventKind.Family.ARP).count();
    int captures = (int) t.files().stream().filter(f -> f.kind().isCapture() && f.read()).count();
    int filesRead = (int) t.files().stream().filter(f -> f.read()).count();
    // Files, not the per-interface entries a configuration yields: the answer says "2
    // configurations" for 2 files
    int configFiles =
        (int)
            t.files().stream()
                .filter(
                    f ->
                        f.read()
                            && (f.kind() == InputKind.IOS_CONFIG
                                || f.kind() == InputKind.ASA_CONFIG))
                .count();
    List<String> unread = t.files().stream().filter(f -> !f.read()).map(f -> f.file()).toList();
    return new InputSummary(
        t.devices().size(),
        count.apply(RefreshTiming.class),
        count.apply(KeepaliveTiming.class),
        count.apply(RegisterTransaction.class),
        alarms,
        arp,
        configFiles,
        captures,
        filesRead,
        unread);
  }

  /** One entry per phone that spoke over TLS, with the first segment as evidence. */
  private static List<EncryptedFlows> encrypted(List<TimelineEvent> events) {
    Map<String, List<TimelineEvent>> byDevice = new LinkedHashMap<>();
    events.stream()
        .filter(e -> e.kind() == EventKind.TLS_DATA)
        .forEach(e -> byDevice.computeIfAbsent(e.device(), k -> new ArrayList<>()).add(e));
    List<EncryptedFlows> out = new ArrayList<>();
    byDevice.forEach(
        (device, es) -> {
          TimelineEvent first = es.get(0);
          int port =
              first.summary().contains(":5061")
                  ? 5061
                  : first.summary().contains(":2443") ? 2443 : 0;
          out.add(
              new EncryptedFlows(
                  device, port, es.size(), first.file(), first.frame(), first.time()));
        });
    return out;
  }

  /** One summary per phone and capture of all its refreshes. */
  private static List<RefreshSummary> summaries(List<Object> signals) {
    Map<String, List<RefreshTiming>> byDeviceFile = new LinkedHashMap<>();
    for (Object o : signals) {
      WorkLimit.checkpoint();
      if (o instanceof RefreshTiming r) {
        byDeviceFile.computeIfAbsent(r.device() + "|" + r.file(), k -> new ArrayList<>()).add(r);
      }
    }
    List<RefreshSummary> out = new ArrayList<>();
    for (List<RefreshTiming> rs : byDeviceFile.values()) {
      WorkLimit.checkpoint();
      List<RefreshTiming> lost =
          rs.stream().filter(r -> r.getRetransmissions() > 0 || r.originalLost()).toList();
      out.add(
          new RefreshSummary(
              rs.get(0).device(),
              rs.get(0).file(),
              rs.size(),
              lost,
              Signals.typicalRefreshInterval(rs),
              Signals.rtoSeries(lost)));
    }
    return out;
  }

  private static RefreshTiming refresh(TimelineEvent e, Index idx) {
    long cseq = num(e, "cseq").longValue();
    List<TimelineEvent> rtx =
        idx.retransmissions(e.file(), e.device(), "REGISTER CSeq " + cseq, e.time());
    TimelineEvent ok = idx.ok(e.file(), text(e, "callId"), cseq);
    double sinceLastOk = num(e, "sinceLastOk").doubleValue();
    double okAfter = ok == null ? -1 : sinceLastOk + seconds(e.time(), ok.time());
    Number granted = num(e, "granted");
    return new RefreshTiming(
        e.device(),
        e.file(),
        e.frame(),
        e.time(),
        host(text(e, "server")),
        cseq,
        sinceLastOk,
        granted == null ? -1 : granted.intValue(),
        rtx.stream()
            .map(r -> num(r, "delay"))
            .filter(Objects::nonNull)
            .map(Number::doubleValue)
            .toList(),
        rtx.stream().map(TimelineEvent::frame).toList(),
        okAfter,
        ok == null ? 0 : ok.frame(),
        Boolean.TRUE.equals(e.details().get("originalLost")),
        text(e, "seenIn"));
  }

  private static KeepaliveTiming sccpKeepalive(TimelineEvent e, Index idx) {
    TimelineEvent ack = idx.sccpAck(e.file(), e.frame());
    List<TimelineEvent> rtx =
        idx.retransmissions(e.file(), e.device(), "SCCP KeepAliveReq", e.time());
    return new KeepaliveTiming(
        e.device(),
        "SCCP",
        e.file(),
        e.frame(),
        e.time(),
        text(e, "server"),
        text(e, "role"),
        num(e, "interval") == null ? -1 : num(e, "interval").doubleValue(),
        ack == null ? -1 : seconds(e.time(), ack.time()),
        rtx.size(),
        text(e, "seenIn"));
  }

  private static KeepaliveTiming sipKeepalive(TimelineEvent e, Index idx) {
    TimelineEvent ok = idx.ok(e.file(), text(e, "callId"), num(e, "cseq").longValue());
    return new KeepaliveTiming(
        e.device(),
        "SIP",
        e.file(),
        e.frame(),
        e.time(),
        host(text(e, "server")),
        "backup",
        num(e, "interval") == null ? -1 : num(e, "interval").doubleValue(),
        ok == null ? -1 : seconds(e.time(), ok.time()),
        0,
        text(e, "seenIn"));
  }

  private static List<CaptureSpan> spans(List<TimelineEvent> events) {
    Map<String, Instant[]> spans = new LinkedHashMap<>();
    for (TimelineEvent e : events) {
      WorkLimit.checkpoint();
      if (e.frame() <= 0 || e.time() == null) {
        continue;
      }
      Instant t = e.fileTime() != null ? e.fileTime() : e.time();
      Instant[] s = spans.computeIfAbsent(e.file(), k -> new Instant[] {t, t});
      s[0] = t.isBefore(s[0]) ? t : s[0];
      s[1] = t.isAfter(s[1]) ? t : s[1];
    }
    return spans.entrySet().stream()
        .map(x -> new CaptureSpan(x.getKey(), x.getValue()[0], x.getValue()[1]))
        .toList();
  }

  /** Lookups over the event list. */
  private static final class Index {
    private final Map<String, List<TimelineEvent>> rtxByCarried = new HashMap<>();
    private final Map<String, TimelineEvent> okByTransaction = new HashMap<>();
    private final Map<String, TimelineEvent> sccpAckByKeepalive = new HashMap<>();

    Index(List<TimelineEvent> events) {
      for (TimelineEvent e : events) {
        WorkLimit.checkpoint();
        if (e.kind() == EventKind.TCP_RETRANSMISSION && text(e, "carries") != null) {
          rtxByCarried
              .computeIfAbsent(
                  e.file() + "|" + e.device() + "|" + text(e, "carries"), k -> new ArrayList<>())
              .add(e);
        } else if (e.kind() == EventKind.SIP_REGISTER_RESPONSE
            && num(e, "status").intValue() / 100 == 2) {
          okByTransaction.putIfAbsent(e.file() + "|" + text(e, "callId") + "|" + num(e, "cseq"), e);
        } else if (e.kind() == EventKind.SCCP_KEEPALIVE_ACK && num(e, "keepaliveFrame") != null) {
          sccpAckByKeepalive.put(e.file() + "|" + num(e, "keepaliveFrame"), e);
        }
      }
    }

    /**
     * One phone's retransmissions of the message described as {@code carried}, within 64 s after
     * {@code sent}.
     */
    List<TimelineEvent> retransmissions(String file, String device, String carried, Instant sent) {
      return rtxByCarried.getOrDefault(file + "|" + device + "|" + carried, List.of()).stream()
          .filter(r -> !r.time().isBefore(sent) && seconds(sent, r.time()) < 64)
          .toList();
    }

    TimelineEvent ok(String file, String callId, long cseq) {
      return okByTransaction.get(file + "|" + callId + "|" + cseq);
    }

    TimelineEvent sccpAck(String file, long keepaliveFrame) {
      return sccpAckByKeepalive.get(file + "|" + keepaliveFrame);
    }
  }

  private static String host(String server) {
    if (server == null) {
      return null;
    }
    int colon = server.lastIndexOf(':');
    return colon > 0 && server.indexOf(':') == colon ? server.substring(0, colon) : server;
  }

  private static String text(TimelineEvent e, String key) {
    Object v = e.details().get(key);
    return v == null ? null : v.toString();
  }

  private static Number num(TimelineEvent e, String key) {
    Object v = e.details().get(key);
    return v instanceof Number n ? n : null;
  }

  private static double seconds(Instant a, Instant b) {
    return java.time.Duration.between(a, b).toNanos() / 1e9;
  }
}
