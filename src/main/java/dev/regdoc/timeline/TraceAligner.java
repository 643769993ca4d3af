package dev.regdoc.timeline;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TraceFile;
import dev.regdoc.timeline.event.TraceLane;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Lines up the phone-side capture with each CUCM node's CallManager trace by message identity,
 * never by time: a SIP message by Call-ID, CSeq, method or status and the topmost Via branch; an
 * SCCP message by its connection (the n-th connection of the phone to that node in both) and its
 * place among the messages of its kind on it. The trace clock's offset is the median difference of
 * the pairs, both directions averaged so the one-way delays cancel, as for two captures.
 */
final class TraceAligner {

  /** What one lane's alignment found, for {@link CaptureAligner} to merge. */
  record Aligned(
      Map<Fact, CaptureAligner.Path> paths,
      ClockOffset offset,
      Set<String> repeated,
      Map<String, Double> offsetByFile) {}

  private final DeviceDirectory directory;
  private final TraceEvidence evidence;
  private final Function<Fact, List<Instant>> retransmissionsOf;
  private final Map<String, Instant[]> laneSpans = new HashMap<>();

  TraceAligner(
      FactCollector facts,
      DeviceDirectory directory,
      TraceEvidence evidence,
      Function<Fact, List<Instant>> retransmissionsOf) {
    this.directory = directory;
    this.evidence = evidence;
    this.retransmissionsOf = retransmissionsOf;
    for (TraceFile f : facts.of(TraceFile.class)) {
      if (f.origin().time() == null || f.last() == null) {
        continue;
      }
      Instant last = f.last().toInstant(f.zone());
      laneSpans.merge(
          TraceLane.of(f.node()),
          new Instant[] {f.origin().time(), last},
          (a, b) ->
              new Instant[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
    }
  }

  /**
   * Aligns {@code lane} onto the reference capture {@code ref}, whose frames span {@code refSpan};
   * null when no message of the capture is in the trace.
   */
  Aligned align(String ref, Instant[] refSpan, String lane, List<Fact> refMessages) {
    List<Fact> traced = new ArrayList<>();
    evidence.sip().stream().filter(m -> lane.equals(evidence.laneOf(m))).forEach(traced::add);
    evidence.sccp().stream().filter(m -> lane.equals(evidence.laneOf(m))).forEach(traced::add);
    traced.sort(Comparator.comparing(Fact::time, Comparator.nullsLast(Comparator.naturalOrder())));
    Map<Fact, Fact> pairs = new LinkedHashMap<>();
    pairSip(refMessages, traced, pairs);
    pairSccp(refMessages, traced, pairs);
    if (pairs.isEmpty()) {
      return null;
    }
    double offset = offset(pairs);
    Map<Fact, CaptureAligner.Path> paths = new HashMap<>();
    Set<String> repeated = new HashSet<>();
    pairs.forEach(
        (r, t) -> {
          boolean originalLost = originalLost(r, t, offset);
          paths.put(
              r,
              new CaptureAligner.Path(
                  CaptureAligner.Path.BOTH,
                  t.origin().file(),
                  0,
                  t.origin().line(),
                  originalLost,
                  lane));
          paths.put(
              t,
              new CaptureAligner.Path(
                  CaptureAligner.Path.BOTH, ref, r.origin().frame(), 0, originalLost, null));
          repeated.add(CaptureAligner.key(t.origin()));
        });
    Set<String> servers = new HashSet<>();
    Set<String> phones = new HashSet<>();
    for (Fact t : traced) {
      Endpoints e = endpoints(t);
      servers.add(directory.serverIp(e));
      phones.add(directory.phoneIp(e));
    }
    Instant[] laneSpan = laneSpans.getOrDefault(lane, new Instant[] {null, null});
    for (Fact r : refMessages) {
      WorkLimit.checkpoint();
      Endpoints e = endpoints(r);
      if (!pairs.containsKey(r)
          && servers.contains(directory.serverIp(e))
          && phones.contains(directory.phoneIp(e))
          && within(shift(r.time(), offset), laneSpan)) {
        paths.put(r, new CaptureAligner.Path(ref, lane, 0, 0, false, null));
      }
    }
    Set<Fact> matched = new HashSet<>(pairs.values());
    for (Fact t : traced) {
      WorkLimit.checkpoint();
      if (!matched.contains(t) && within(shift(t.time(), -offset), refSpan)) {
        paths.put(t, new CaptureAligner.Path(lane, ref, 0, 0, false, null));
      }
    }
    Map<String, Double> byFile = new HashMap<>();
    evidence.filesByLane().getOrDefault(lane, List.of()).forEach(f -> byFile.put(f, offset));
    return new Aligned(
        paths,
        new ClockOffset(
            ref,
            lane,
            offset,
            pairs.size(),
            ref,
            laneSpan[0] == null ? null : shift(laneSpan[0], -offset),
            laneSpan[1] == null ? null : shift(laneSpan[1], -offset)),
        repeated,
        byFile);
  }

  private void pairSip(List<Fact> ref, List<Fact> traced, Map<Fact, Fact> pairs) {
    Map<String, Deque<Fact>> byIdentity = new HashMap<>();
    for (Fact t : traced) {
      if (t instanceof SipMessage m) {
        byIdentity.computeIfAbsent(identity(m), k -> new ArrayDeque<>()).add(t);
      }
    }
    for (Fact r : ref) {
      WorkLimit.checkpoint();
      if (r instanceof SipMessage m && m.callId() != null) {
        Deque<Fact> q = byIdentity.get(identity(m));
        if (q != null && !q.isEmpty()) {
          pairs.put(r, q.poll());
        }
      }
    }
  }

  /** Call-ID, CSeq, request method or answer status, and the branch of the topmost Via. */
  private static String identity(SipMessage m) {
    return m.callId()
        + "|"
        + m.cseq()
        + "|"
        + m.cseqMethod()
        + "|"
        + (m.request() ? m.method() : m.status())
        + "|"
        + Objects.toString(m.viaBranch(), "");
  }

  /**
   * The n-th connection of a phone to this node in the capture is the n-th in the trace; on each,
   * the k-th message of a kind is the k-th of that kind.
   */
  private void pairSccp(List<Fact> ref, List<Fact> traced, Map<Fact, Fact> pairs) {
    Map<String, Map<String, List<SccpMessage>>> refConns = new LinkedHashMap<>();
    Set<String> servers = new HashSet<>();
    for (Fact t : traced) {
      if (t instanceof SccpMessage m) {
        servers.add(directory.serverIp(m.endpoints()));
      }
    }
    for (Fact r : ref) {
      if (r instanceof SccpMessage m && servers.contains(directory.serverIp(m.endpoints()))) {
        Endpoints e = m.endpoints();
        String phone = directory.phoneIp(e);
        String conn = phone.equals(e.srcIp()) ? e.srcPort() + "" : e.dstPort() + "";
        refConns
            .computeIfAbsent(phone, k -> new LinkedHashMap<>())
            .computeIfAbsent(conn, k -> new ArrayList<>())
            .add(m);
      }
    }
    Map<String, Map<String, List<SccpMessage>>> traceConns = new LinkedHashMap<>();
    for (Fact t : traced) {
      if (t instanceof SccpMessage m) {
        traceConns
            .computeIfAbsent(directory.phoneIp(m.endpoints()), k -> new LinkedHashMap<>())
            .computeIfAbsent(evidence.connectionOf(m), k -> new ArrayList<>())
            .add(m);
      }
    }
    refConns.forEach(
        (phone, conns) -> {
          List<List<SccpMessage>> theirs =
              new ArrayList<>(traceConns.getOrDefault(phone, Map.of()).values());
          List<List<SccpMessage>> ours = new ArrayList<>(conns.values());
          for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
            pairInOrder(ours.get(i), theirs.get(i), pairs);
          }
        });
  }

  private static void pairInOrder(
      List<SccpMessage> ours, List<SccpMessage> theirs, Map<Fact, Fact> pairs) {
    Map<Integer, Deque<SccpMessage>> byId = new HashMap<>();
    theirs.forEach(m -> byId.computeIfAbsent(m.messageId(), k -> new ArrayDeque<>()).add(m));
    for (SccpMessage m : ours) {
      Deque<SccpMessage> q = byId.get(m.messageId());
      if (q != null && !q.isEmpty()) {
        pairs.put(m, q.poll());
      }
    }
  }

  private double offset(Map<Fact, Fact> pairs) {
    List<Double> up = new ArrayList<>();
    List<Double> down = new ArrayList<>();
    List<Double> any = new ArrayList<>();
    pairs.forEach(
        (r, t) -> {
          double d = CaptureAligner.seconds(r.time(), t.time());
          any.add(d);
          if (retransmissionsOf.apply(r).isEmpty()) {
            Endpoints e = endpoints(r);
            (directory.phoneIp(e).equals(e.srcIp()) ? up : down).add(d);
          }
        });
    if (up.isEmpty() && down.isEmpty()) {
      return median(any);
    }
    if (up.isEmpty() || down.isEmpty()) {
      return median(up.isEmpty() ? down : up);
    }
    return (median(up) + median(down)) / 2;
  }

  /** The trace logged the copy that arrived: nearer a retransmission than the first copy. */
  private boolean originalLost(Fact r, Fact t, double offset) {
    List<Instant> re = retransmissionsOf.apply(r);
    if (re.isEmpty()) {
      return false;
    }
    Instant seenAt = shift(t.time(), -offset);
    double first = Math.abs(CaptureAligner.seconds(r.time(), seenAt));
    return re.stream().anyMatch(x -> Math.abs(CaptureAligner.seconds(x, seenAt)) < first);
  }

  private static Endpoints endpoints(Fact m) {
    return m instanceof SipMessage s ? s.endpoints() : ((SccpMessage) m).endpoints();
  }

  private static Instant shift(Instant t, double seconds) {
    return t == null ? null : t.plusNanos(Math.round(seconds * 1e9));
  }

  private static boolean within(Instant t, Instant[] span) {
    return t != null && span[0] != null && !t.isBefore(span[0]) && !t.isAfter(span[1]);
  }

  private static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
