package dev.regdoc.timeline;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.MacPath;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TcpRetransmission;
import dev.regdoc.timeline.event.EventKind;
import dev.regdoc.timeline.event.SeenIn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lines up two captures of the same conversation taken at different points (the phone's span port
 * and the CUCM's NIC) whose clocks disagree. Segments are matched by ports, sequence number and
 * length, which survive the path unchanged, never by time; the clock offset is the median
 * difference of the matches, and every signaling message is then classified as seen on both sides
 * or on one side only. A CUCM node's CallManager trace is a CUCM side too: it is lined up with the
 * phone-side capture by message identity ({@link TraceAligner}).
 */
final class CaptureAligner {

  /** Where a message was seen, for one pair of captures. */
  record Path(
      String seenIn,
      String otherFile,
      long otherFrame,
      long otherLine,
      boolean originalLost,
      String lane) {
    static final String BOTH = "both";

    boolean inBoth() {
      return BOTH.equals(seenIn);
    }

    /** As an event's details say it. */
    SeenIn toSeenIn() {
      if (!inBoth()) {
        return SeenIn.only(seenIn);
      }
      return otherLine > 0
          ? SeenIn.bothWithTrace(lane, otherFile, otherLine, originalLost)
          : SeenIn.both(otherFile, otherFrame, originalLost);
    }

    /** Where the other side has it: "file#frame", or "file line N" for a trace. */
    String otherCite() {
      return otherLine > 0 ? otherFile + ":" + otherLine : otherFile + "#" + otherFrame;
    }
  }

  private record Seg(Fact msg, String file, Endpoints e, long seq, int len, Instant time) {
    String key() {
      return e.srcPort() + ">" + e.dstPort() + "/" + seq + "/" + len;
    }
  }

  private final DeviceDirectory directory;
  private final FactCollector facts;
  private final Map<String, List<Seg>> segsByFile = new LinkedHashMap<>();
  private final Map<Fact, Path> paths = new IdentityHashMap<>();
  private final Set<String> secondFiles = new HashSet<>();
  private final Set<String> duplicateFrames = new HashSet<>(); // key() of repeated messages
  private final List<ClockOffset> offsets = new ArrayList<>();
  private final Map<String, Double> offsetByFile = new HashMap<>();
  private final TraceEvidence traces;

  // What only lining up two views needs, made on first use: a single capture, the usual case,
  // never pays for them
  private Map<Fact, Seg> segOf;
  private Map<String, List<Instant>> retransmissions;
  private Map<String, List<MacPath>> pathsByFile;
  private Map<String, Instant[]> spans; // first and last frame time per capture
  private Set<String> connectionsByFile; // file|conn

  CaptureAligner(
      FactCollector facts,
      DeviceDirectory directory,
      List<String> captureOrder,
      TraceEvidence traces) {
    this.directory = directory;
    this.facts = facts;
    this.traces = traces;
    captureOrder.forEach(f -> segsByFile.put(f, new ArrayList<>()));
    if (traces.lanes().isEmpty() && segmentFiles(facts) < 2) {
      // one capture and no trace: nothing to line up, and a large capture's segments were a
      // tenth of the memory its timeline needed while being built
      return;
    }
    for (SipMessage m : facts.of(SipMessage.class)) {
      WorkLimit.checkpoint();
      if (m.tcpSeq() >= 0 && traces.laneOf(m) == null) {
        add(new Seg(m, m.origin().file(), m.endpoints(), m.tcpSeq(), m.tcpLength(), m.time()));
      }
    }
    for (SccpMessage m : facts.of(SccpMessage.class)) {
      WorkLimit.checkpoint();
      if (traces.laneOf(m) != null) {
        continue;
      }
      add(new Seg(m, m.origin().file(), m.endpoints(), m.tcpSeq(), m.length(), m.time()));
    }
    align();
    alignTraces(facts);
    offsets.forEach(o -> offsetByFile.putIfAbsent(o.file(), o.offsetSeconds()));
  }

  /** Segments held for lining up captures (none for a single capture without a trace). */
  int segmentsHeld() {
    return segsByFile.values().stream().mapToInt(List::size).sum();
  }

  /** How many files have TCP messages of their own (a trace's are not a capture's). */
  private long segmentFiles(FactCollector facts) {
    Set<String> files = new HashSet<>();
    for (SipMessage m : facts.of(SipMessage.class)) {
      if (m.tcpSeq() >= 0 && files.add(m.origin().file()) && files.size() > 1) {
        return files.size();
      }
    }
    for (SccpMessage m : facts.of(SccpMessage.class)) {
      if (files.add(m.origin().file()) && files.size() > 1) {
        return files.size();
      }
    }
    return files.size();
  }

  private Map<Fact, Seg> segOf() {
    if (segOf == null) {
      segOf = new IdentityHashMap<>();
      segsByFile.values().forEach(segs -> segs.forEach(s -> segOf.put(s.msg(), s)));
    }
    return segOf;
  }

  private Map<String, List<Instant>> retransmissions() {
    if (retransmissions == null) {
      retransmissions = new HashMap<>();
      for (TcpRetransmission r : facts.of(TcpRetransmission.class)) {
        WorkLimit.checkpoint();
        retransmissions
            .computeIfAbsent(
                r.origin().file()
                    + "|"
                    + r.endpoints().srcPort()
                    + ">"
                    + r.endpoints().dstPort()
                    + "/"
                    + r.seq(),
                k -> new ArrayList<>())
            .add(r.time());
      }
    }
    return retransmissions;
  }

  private List<MacPath> pathsOf(String file) {
    if (pathsByFile == null) {
      pathsByFile = new HashMap<>();
      facts
          .of(MacPath.class)
          .forEach(
              p -> pathsByFile.computeIfAbsent(p.origin().file(), k -> new ArrayList<>()).add(p));
    }
    return pathsByFile.getOrDefault(file, List.of());
  }

  /** First and last frame time of each capture. */
  private Map<String, Instant[]> spans() {
    if (spans == null) {
      spans = new HashMap<>();
      for (Fact f : facts.all()) {
        WorkLimit.checkpoint();
        Instant t = f.time();
        if (f.origin().frame() > 0 && t != null) {
          Instant[] span = spans.computeIfAbsent(f.origin().file(), k -> new Instant[] {t, t});
          if (t.isBefore(span[0])) {
            span[0] = t;
          }
          if (t.isAfter(span[1])) {
            span[1] = t;
          }
        }
      }
    }
    return spans;
  }

  private Set<String> connectionsByFile() {
    if (connectionsByFile == null) {
      connectionsByFile = new HashSet<>();
      for (List<Seg> segs : segsByFile.values()) {
        segs.forEach(s -> connectionsByFile.add(s.file() + "|" + connection(s.e())));
      }
    }
    return connectionsByFile;
  }

  List<ClockOffset> offsets() {
    return offsets;
  }

  /** Seconds to subtract from each capture's and trace file's times: onto the reference clock. */
  Map<String, Double> offsetByFile() {
    return offsetByFile;
  }

  /** "file#frame" for a capture's message, "file:line" for a trace's. */
  static String key(Origin o) {
    return o.frame() > 0 ? o.file() + "#" + o.frame() : o.file() + ":" + o.line();
  }

  /** Each node's trace onto the phone-side capture (the reference), when there is one. */
  private void alignTraces(FactCollector facts) {
    if (traces.lanes().isEmpty()) {
      return;
    }
    String ref = reference();
    if (ref == null) {
      return;
    }
    List<Fact> refMessages =
        segsByFile.get(ref).stream()
            .map(Seg::msg)
            .sorted(Comparator.comparing(Fact::time))
            .collect(Collectors.toCollection(ArrayList::new));
    // SIP over UDP has no segment, but its identity is the same
    facts.of(SipMessage.class).stream()
        .filter(m -> m.tcpSeq() < 0 && traces.laneOf(m) == null && m.origin().file().equals(ref))
        .forEach(refMessages::add);
    TraceAligner aligner = new TraceAligner(facts, directory, traces, this::retransmissionsOf);
    for (String lane : traces.lanes()) {
      TraceAligner.Aligned a = aligner.align(ref, span(ref), lane, refMessages);
      if (a == null) {
        continue;
      }
      // a CUCM-side capture of the same message has the last word; the trace adds what it lacks
      a.paths().forEach(paths::putIfAbsent);
      duplicateFrames.addAll(a.repeated());
      offsets.add(a.offset());
      offsetByFile.putAll(a.offsetByFile());
      secondFiles.addAll(a.offsetByFile().keySet());
    }
  }

  /** The phone-side capture: the reference clock. */
  private String reference() {
    if (!offsets.isEmpty()) {
      return offsets.get(0).reference();
    }
    return segsByFile.keySet().stream()
        .filter(f -> !segsByFile.get(f).isEmpty())
        .sorted(Comparator.comparing(f -> !phoneMacSeen(f)))
        .findFirst()
        .orElse(null);
  }

  private List<Instant> retransmissionsOf(Fact m) {
    Seg s = segOf().get(m);
    return s == null ? List.of() : retransmissions().getOrDefault(retransmissionKey(s), List.of());
  }

  Path pathOf(Fact message) {
    return paths.get(message);
  }

  /** Where {@code message} was seen, when two captures were aligned; otherwise null. */
  SeenIn seenIn(Fact message) {
    Path p = paths.get(message);
    return p == null ? null : p.toSeenIn();
  }

  /** Seconds to subtract from {@code file}'s times to put them on the reference clock. */
  double offsetOf(String file) {
    return offsetByFile.getOrDefault(file, 0.0);
  }

  private void add(Seg s) {
    segsByFile.computeIfAbsent(s.file(), k -> new ArrayList<>()).add(s);
  }

  private static String connection(Endpoints e) {
    String a = e.srcIp() + ":" + e.srcPort();
    String b = e.dstIp() + ":" + e.dstPort();
    return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
  }

  /** True for a file that was aligned onto another capture's clock. */
  boolean isDuplicate(String file) {
    return secondFiles.contains(file);
  }

  /**
   * True when {@code e} is an event of a second capture that repeats a message (or TCP event) the
   * reference capture already shows; the reference's event carries "seenIn": "both" instead.
   */
  boolean isDuplicate(TimelineEvent e) {
    if (!secondFiles.contains(e.file())) {
      return false;
    }
    if (duplicateFrames.contains(key(new Origin(e.file(), e.frame(), e.line(), null)))) {
      return !KEPT_FROM_BOTH.contains(e.kind());
    }
    return REPEATED_TCP.contains(e.kind());
  }

  /** Events of a repeated frame that say something of their own capture. */
  private static final Set<EventKind> KEPT_FROM_BOTH =
      EnumSet.of(EventKind.MAC_PATH, EventKind.LOST_IN_NETWORK, EventKind.SEEN_ONE_SIDE_ONLY);

  /**
   * TCP events the reference capture shows as well; a reset or a retransmission may be the second
   * capture's own.
   */
  private static final Set<EventKind> REPEATED_TCP =
      EnumSet.of(
          EventKind.TCP_SYN,
          EventKind.TCP_SYN_ACK,
          EventKind.TCP_FIN,
          EventKind.TCP_DELIVERED,
          EventKind.TCP_RECONNECT);

  private void align() {
    // the phone-side capture is the reference clock and the view the events are told from
    List<String> files =
        segsByFile.keySet().stream()
            .filter(f -> !segsByFile.get(f).isEmpty())
            .sorted(Comparator.comparing(f -> !phoneMacSeen(f)))
            .toList();
    if (files.size() < 2) {
      return;
    }
    String ref = files.get(0);
    for (String other : files.subList(1, files.size())) {
      alignPair(ref, other);
    }
  }

  private void alignPair(String ref, String other) {
    Map<String, Seg> otherByKey = new HashMap<>();
    segsByFile.get(other).forEach(s -> otherByKey.putIfAbsent(s.key(), s));
    List<Double> up = new ArrayList<>();
    List<Double> down = new ArrayList<>();
    List<Double> any = new ArrayList<>();
    int matched = 0;
    for (Seg s : segsByFile.get(ref)) {
      WorkLimit.checkpoint();
      Seg o = otherByKey.get(s.key());
      if (o == null) {
        continue;
      }
      matched++;
      any.add(seconds(s.time(), o.time()));
      if (!retransmitted(s) && !retransmitted(o)) {
        boolean fromPhone = directory.phoneIp(s.e()).equals(s.e().srcIp());
        (fromPhone ? up : down).add(seconds(s.time(), o.time()));
      }
    }
    if (matched == 0) {
      return;
    }
    double offset =
        up.isEmpty() && down.isEmpty()
            ? median(any)
            : up.isEmpty() || down.isEmpty()
                ? median(up.isEmpty() ? down : up)
                : (median(up) + median(down))
                    / 2; // one-way delays cancel when both directions are seen
    classify(ref, other, otherByKey, offset);
    String phoneSide = phoneSide(ref, other);
    Instant[] otherSpan = span(other);
    offsets.add(
        new ClockOffset(
            ref,
            other,
            offset,
            matched,
            phoneSide,
            shift(otherSpan[0], -offset),
            shift(otherSpan[1], -offset)));
    secondFiles.add(other);
  }

  private void classify(String ref, String other, Map<String, Seg> otherByKey, double offset) {
    Map<String, Seg> refByKey = new HashMap<>();
    segsByFile.get(ref).forEach(s -> refByKey.putIfAbsent(s.key(), s));
    Instant[] refSpan = span(ref);
    Instant[] otherSpan = span(other);
    for (Seg s : segsByFile.get(ref)) {
      WorkLimit.checkpoint();
      Seg o = otherByKey.get(s.key());
      if (o != null) {
        // the sender's capture holds the first copy and its retransmissions; the receiver's only
        // the copy that got through: either capture may be the sender's
        boolean originalLost = firstCopyLost(s, o, offset) || firstCopyLost(o, s, -offset);
        paths.put(
            s.msg(), new Path(Path.BOTH, other, o.msg().origin().frame(), 0, originalLost, null));
        paths.put(
            o.msg(), new Path(Path.BOTH, ref, s.msg().origin().frame(), 0, originalLost, null));
        duplicateFrames.add(key(o.msg().origin()));
      } else if (within(s.time().plusNanos((long) (offset * 1e9)), otherSpan)
          && connectionsByFile().contains(other + "|" + connection(s.e()))) {
        paths.put(s.msg(), new Path(ref, other, 0, 0, false, null));
      }
    }
    for (Seg o : segsByFile.get(other)) {
      WorkLimit.checkpoint();
      if (!refByKey.containsKey(o.key())
          && within(o.time().minusNanos((long) (offset * 1e9)), refSpan)
          && connectionsByFile().contains(ref + "|" + connection(o.e()))) {
        paths.put(o.msg(), new Path(other, ref, 0, 0, false, null));
      }
    }
  }

  /** The capture in which the phone's own MAC is the source of its frames to a CUCM. */
  private String phoneSide(String a, String b) {
    boolean inA = phoneMacSeen(a);
    boolean inB = phoneMacSeen(b);
    if (inA != inB) {
      return inA ? a : b;
    }
    // same segment (both see the phone's MAC): the phone's messages that only one capture has were
    // lost downstream of it, so that capture is the one next to the phone
    long upA = oneSidedFromPhone(a);
    long upB = oneSidedFromPhone(b);
    return upA == upB ? null : upA > upB ? a : b;
  }

  private long oneSidedFromPhone(String file) {
    return paths.entrySet().stream()
        .filter(e -> e.getValue().seenIn().equals(file))
        .map(e -> segOf().get(e.getKey()))
        .filter(s -> s != null && directory.phoneIp(s.e()).equals(s.e().srcIp()))
        .count();
  }

  private boolean phoneMacSeen(String file) {
    for (MacPath p : pathsOf(file)) {
      String mac = directory.macOf(p.srcIp());
      if (mac != null && mac.equalsIgnoreCase(p.srcMac()) && directory.isServer(p.dstIp())) {
        return true;
      }
    }
    return false;
  }

  private boolean retransmitted(Seg s) {
    return retransmissions().containsKey(retransmissionKey(s));
  }

  /**
   * The copy {@code other} saw is one of {@code sent}'s retransmissions, not its first copy: {@code
   * offsetSeconds} turns {@code other}'s clock into {@code sent}'s.
   */
  private boolean firstCopyLost(Seg sent, Seg other, double offsetSeconds) {
    List<Instant> re = retransmissions().get(retransmissionKey(sent));
    if (re == null || re.isEmpty()) {
      return false;
    }
    Instant seenAt = other.time().minusNanos((long) (offsetSeconds * 1e9));
    return Math.abs(seconds(sent.time(), seenAt)) > Math.abs(seconds(closest(re, seenAt), seenAt));
  }

  private static String retransmissionKey(Seg s) {
    return s.file() + "|" + s.e().srcPort() + ">" + s.e().dstPort() + "/" + s.seq();
  }

  private static Instant shift(Instant t, double seconds) {
    return t == null ? null : t.plusNanos((long) (seconds * 1e9));
  }

  private Instant[] span(String file) {
    return spans().getOrDefault(file, new Instant[] {null, null});
  }

  private static boolean within(Instant t, Instant[] span) {
    return span[0] != null && !t.isBefore(span[0]) && !t.isAfter(span[1]);
  }

  private static Instant closest(List<Instant> times, Instant target) {
    Instant best = times.get(0);
    for (Instant t : times) {
      if (Math.abs(seconds(t, target)) < Math.abs(seconds(best, target))) {
        best = t;
      }
    }
    return best;
  }

  static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }

  private static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
