package dev.regdoc.signals;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.InputKind;
import dev.regdoc.facts.Protocol;
import dev.regdoc.facts.SignalingPort;
import dev.regdoc.timeline.DeviceInfo;
import dev.regdoc.timeline.Timeline;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.AddressEvent;
import dev.regdoc.timeline.event.EventDetails;
import dev.regdoc.timeline.event.InferredEvent;
import dev.regdoc.timeline.event.KeepaliveRole;
import dev.regdoc.timeline.event.LogEvent;
import dev.regdoc.timeline.event.MessageName;
import dev.regdoc.timeline.event.SccpEvent;
import dev.regdoc.timeline.event.SeenIn;
import dev.regdoc.timeline.event.SipEvent;
import dev.regdoc.timeline.event.TcpEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Derives the typed signals the rules reason about from a timeline: each refresh with its
 * retransmissions and answer, each keepalive with its answer, role changes, one-sided messages.
 * Pure Java, no rule engine: the arithmetic lives here, the judgement in the rules.
 *
 * <p>Registration attempts, refreshes and keepalives come only inside their device's {@link
 * RegistrationHistory}: as facts of their own each would cost the rule session a fact handle, tens
 * of thousands in a capture of thousands of healthy phones, and the rules make facts of the few
 * devices' that hold what they look for (rules/histories.drl).
 */
public final class SignalBuilder {
  private static final String REGISTER = "REGISTER";
  private static final String KEEPALIVE_REQ = "KeepAliveReq";

  public List<Object> build(Timeline t) {
    List<Object> out = new ArrayList<>();
    // refreshes and keepalives reach the rules in the histories only
    List<RefreshTiming> refreshes = new ArrayList<>();
    List<KeepaliveTiming> keepalives = new ArrayList<>();
    EventIndex idx = new EventIndex(t.events());
    SccpConnections connections = new SccpConnections();
    for (TimelineEvent e : t.events()) {
      WorkLimit.checkpoint();
      EventDetails d = e.details();
      if (d instanceof SipEvent.Refresh r) {
        refreshes.add(refresh(e, r, idx));
      } else if (d instanceof SccpEvent.RegisterAck a) {
        connections.configured.put(
            e.device() + "|" + a.server() + "|" + e.file(), a.keepAliveInterval());
      } else if (d instanceof SccpEvent.KeepAlive k) {
        keepalives.add(sccpKeepalive(e, k, idx, connections));
      } else if (d instanceof SipEvent.BackupKeepalive k) {
        keepalives.add(sipKeepalive(e, k, idx));
      } else if (d instanceof InferredEvent.RoleChange c) {
        out.add(
            new RoleChange(e.device(), e.kind(), c.from(), c.to(), e.time(), e.file(), e.frame()));
      } else if (d instanceof InferredEvent.OneSided o) {
        out.add(
            new OneSided(
                e.device(),
                o.message().text(),
                o.direction(),
                o.lost(),
                e.file(),
                e.frame(),
                e.time(),
                o.missingFrom(),
                o.firstTransmissionOnly(),
                o.seq()));
      } else if (d instanceof TcpEvent.Gap g) {
        out.add(
            new StreamGap(
                e.device(),
                g.direction(),
                e.file(),
                e.frame(),
                e.time(),
                g.aheadFrame(),
                g.receiverQuiet() == null ? -1 : g.receiverQuiet(),
                g.seq(),
                g.length()));
      } else if (d instanceof SccpEvent.Alarm a) {
        PhoneReports.of(e, a).ifPresent(out::add);
      } else if (d instanceof SipEvent.Register r) {
        PhoneReports.of(e, r).ifPresent(out::add);
      }
    }
    List<RegisterTransaction> transactions = Transactions.of(t.events());
    out.addAll(FragmentedRegisters.of(t.events(), transactions));
    out.addAll(SccpSilence.of(t.events()));
    out.addAll(summaries(refreshes));
    out.addAll(encrypted(t.events()));
    // the loss pattern of TLS refreshes, told by timing; summaries only, so never counted as read
    out.addAll(EncryptedRefreshes.summaries(t.events(), t.devices()));
    spans(t.events()).forEach(out::add);
    Set<CucmServer> servers = new LinkedHashSet<>();
    for (DeviceInfo d : t.devices()) {
      WorkLimit.checkpoint();
      out.add(new Phone(d.id(), d.mac(), d.ips(), d.servers(), d.signaling()));
      d.servers().stream().map(CucmServer::new).forEach(servers::add);
    }
    out.addAll(servers);
    out.addAll(histories(t, transactions, refreshes, keepalives));
    out.addAll(t.clockOffsets());
    out.add(inputSummary(t, transactions.size(), refreshes.size(), keepalives.size()));
    return out;
  }

  /** One history for every device, empty for a device without attempts, refreshes or keepalives. */
  private static List<RegistrationHistory> histories(
      Timeline t,
      List<RegisterTransaction> transactions,
      List<RefreshTiming> refreshTimings,
      List<KeepaliveTiming> keepaliveTimings) {
    Map<String, List<RegisterTransaction>> attempts = new LinkedHashMap<>();
    Map<String, List<RefreshTiming>> refreshes = new LinkedHashMap<>();
    Map<String, List<KeepaliveTiming>> keepalives = new LinkedHashMap<>();
    t.devices().forEach(d -> attempts.put(d.id(), new ArrayList<>()));
    for (RegisterTransaction r : transactions) {
      attempts.computeIfAbsent(r.device(), k -> new ArrayList<>()).add(r);
    }
    for (RefreshTiming r : refreshTimings) {
      refreshes.computeIfAbsent(r.device(), k -> new ArrayList<>()).add(r);
      attempts.computeIfAbsent(r.device(), k -> new ArrayList<>());
    }
    for (KeepaliveTiming k : keepaliveTimings) {
      keepalives.computeIfAbsent(k.device(), d -> new ArrayList<>()).add(k);
      attempts.computeIfAbsent(k.device(), d -> new ArrayList<>());
    }
    List<RegistrationHistory> out = new ArrayList<>(attempts.size());
    attempts.forEach(
        (device, a) ->
            out.add(
                new RegistrationHistory(
                    device,
                    inTimeOrder(a, RegisterTransaction::time),
                    inTimeOrder(refreshes.get(device), RefreshTiming::time),
                    inTimeOrder(keepalives.get(device), KeepaliveTiming::time))));
    return out;
  }

  private static <T> List<T> inTimeOrder(List<T> signals, Function<T, Instant> time) {
    if (signals == null) {
      return List.of();
    }
    signals.sort(Comparator.comparing(time));
    return List.copyOf(signals);
  }

  private static InputSummary inputSummary(
      Timeline t, int transactions, int refreshes, int keepalives) {
    int alarms =
        (int) t.events().stream().filter(e -> e.details() instanceof LogEvent.CucmAlarm).count();
    int arp =
        (int) t.events().stream().filter(e -> e.details() instanceof AddressEvent.Arp).count();
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
        refreshes,
        keepalives,
        transactions,
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
        .filter(e -> e.details() instanceof TcpEvent.TlsData)
        .forEach(e -> byDevice.computeIfAbsent(e.device(), k -> new ArrayList<>()).add(e));
    List<EncryptedFlows> out = new ArrayList<>();
    byDevice.forEach(
        (device, es) -> {
          TimelineEvent first = es.get(0);
          SignalingPort port = ((TcpEvent.TlsData) first.details()).port();
          out.add(
              new EncryptedFlows(
                  device,
                  port == null ? 0 : port.number(),
                  es.size(),
                  first.file(),
                  first.frame(),
                  first.time()));
        });
    return out;
  }

  /** One summary per phone and capture of all its refreshes. */
  private static List<RefreshSummary> summaries(List<RefreshTiming> refreshes) {
    Map<String, List<RefreshTiming>> byDeviceFile = new LinkedHashMap<>();
    for (RefreshTiming r : refreshes) {
      WorkLimit.checkpoint();
      byDeviceFile.computeIfAbsent(r.device() + "|" + r.file(), k -> new ArrayList<>()).add(r);
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

  private static RefreshTiming refresh(TimelineEvent e, SipEvent.Refresh r, EventIndex idx) {
    long cseq = r.request().cseq();
    List<TimelineEvent> rtx =
        idx.retransmissions(e.file(), e.device(), MessageName.sipRequest(REGISTER, cseq), e.time());
    TimelineEvent ok = idx.ok(e.file(), r.request().callId(), cseq);
    double okAfter = ok == null ? -1 : r.sinceLastOk() + seconds(e.time(), ok.time());
    return new RefreshTiming(
        e.device(),
        e.file(),
        e.frame(),
        e.time(),
        r.server(),
        cseq,
        r.sinceLastOk(),
        r.granted() == null ? -1 : r.granted(),
        rtx.stream()
            .map(x -> ((TcpEvent.Retransmission) x.details()).delay())
            .filter(Objects::nonNull)
            .toList(),
        rtx.stream().map(TimelineEvent::frame).toList(),
        okAfter,
        ok == null ? 0 : ok.frame(),
        r.seen() != null && r.seen().originalLost(),
        seenIn(r.seen()),
        r.unseenBefore());
  }

  /**
   * Per phone, server and capture: the number of the current TCP connection (the timeline gives no
   * interval to the first keepalive of a connection, so such a keepalive starts the next one) and
   * the primary keepalive interval the last RegisterAck configured.
   */
  private static final class SccpConnections {
    final Map<String, Integer> current = new LinkedHashMap<>();
    final Map<String, Integer> configured = new LinkedHashMap<>();
  }

  /**
   * The interval is measured on one connection; the first keepalive of a connection to the primary
   * takes the interval its RegisterAck configured, never the gap across a reconnect.
   */
  private static KeepaliveTiming sccpKeepalive(
      TimelineEvent e, SccpEvent.KeepAlive k, EventIndex idx, SccpConnections connections) {
    String key = e.device() + "|" + k.server() + "|" + e.file();
    int connection =
        k.interval() == null
            ? connections.current.merge(key, 1, Integer::sum)
            : connections.current.computeIfAbsent(key, x -> 1);
    Integer configured = k.role() == KeepaliveRole.PRIMARY ? connections.configured.get(key) : null;
    double interval =
        k.interval() != null
            ? k.interval()
            : configured != null && configured > 0 ? configured : -1;
    TimelineEvent ack = idx.sccpAck(e.file(), e.frame());
    List<TimelineEvent> rtx =
        idx.retransmissions(e.file(), e.device(), MessageName.sccp(KEEPALIVE_REQ), e.time());
    TimelineEvent reset = idx.sccpResetAfter(e.file(), e.device(), e.time());
    return new KeepaliveTiming(
        e.device(),
        Protocol.SCCP,
        e.file(),
        e.frame(),
        e.time(),
        k.server(),
        k.role(),
        interval,
        ack == null ? -1 : seconds(e.time(), ack.time()),
        rtx.size(),
        seenIn(k.seen()),
        connection,
        reset == null ? -1 : seconds(e.time(), reset.time()));
  }

  private static KeepaliveTiming sipKeepalive(
      TimelineEvent e, SipEvent.BackupKeepalive k, EventIndex idx) {
    TimelineEvent ok = idx.ok(e.file(), k.request().callId(), k.request().cseq());
    return new KeepaliveTiming(
        e.device(),
        Protocol.SIP,
        e.file(),
        e.frame(),
        e.time(),
        k.server(),
        KeepaliveRole.BACKUP,
        k.interval() == null ? -1 : k.interval(),
        ok == null ? -1 : seconds(e.time(), ok.time()),
        0,
        seenIn(k.seen()),
        0,
        -1);
  }

  /** In both captures or in one, or null with a single capture. */
  private static SeenIn.Sides seenIn(SeenIn seen) {
    return seen == null ? null : seen.sides();
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

  private static double seconds(Instant a, Instant b) {
    return EventIndex.seconds(a, b);
  }
}
