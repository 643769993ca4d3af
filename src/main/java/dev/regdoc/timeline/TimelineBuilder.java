package dev.regdoc.timeline;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.AsaInterfaceConfig;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.SwitchPortConfig;
import dev.regdoc.timeline.event.Direction;
import dev.regdoc.timeline.event.InferredEvent;
import dev.regdoc.timeline.event.MessageName;
import dev.regdoc.timeline.event.TraceLane;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds the registration timeline from the facts of all files handed over together. */
public final class TimelineBuilder {

  public Timeline build(FactCollector read, List<FileReport> files) {
    // a CallManager trace says what a capture on the CUCM's NIC would: the same messages, alarms
    TraceEvidence traces = new TraceEvidence(read);
    FactCollector facts = traces.expand(read);
    DeviceDirectory directory = new DeviceDirectory(facts);
    List<String> captures =
        files.stream().filter(f -> f.kind().isCapture()).map(FileReport::file).toList();
    CaptureAligner aligner = new CaptureAligner(facts, directory, captures, traces);
    Map<String, Double> offsets = new HashMap<>(aligner.offsetByFile());
    Events events = new Events(offsets);
    ServerRoles roles = new ServerRoles(events, traces::viewOf);

    // registration state is per capture: each file is its own view of the same phone, and each
    // node's trace files together are one
    byView(facts.of(SipMessage.class), traces)
        .values()
        .forEach(ms -> new SipTimeline(directory, events, roles, aligner).add(ms));
    byView(facts.of(SccpMessage.class), traces)
        .values()
        .forEach(ms -> new SccpTimeline(directory, events, roles, aligner).add(ms));
    new TcpTimeline(facts, directory, events).add(facts);
    new AddressTimeline(directory, events).add(facts);
    new LogTimeline(directory, events).add(facts);
    oneSided(facts, directory, aligner, events);
    new TraceSignalTimeline(directory, events).add(facts);

    List<Fact> configs = new ArrayList<>(facts.of(SwitchPortConfig.class));
    configs.addAll(facts.of(AsaInterfaceConfig.class));
    return new Timeline(
        files,
        directory.devices(),
        aligner.offsets(),
        events.sorted(aligner::isDuplicate),
        configs,
        facts.of(Anomaly.class));
  }

  /**
   * The messages of each view in time order (none first; stable), the views in the order their
   * first message comes. A capture's messages already come in time order, so the sort is one pass.
   */
  private static <T extends Fact> Map<String, List<T>> byView(List<T> facts, TraceEvidence traces) {
    List<T> sorted = new ArrayList<>(facts);
    sorted.sort(TimelineBuilder::byTime);
    Map<String, List<T>> byView = new LinkedHashMap<>();
    String view = null;
    List<T> ofView = null;
    for (T f : sorted) {
      String v = traces.viewOf(f);
      if (!v.equals(view)) {
        view = v;
        ofView = byView.computeIfAbsent(v, k -> new ArrayList<>());
      }
      ofView.add(f);
    }
    return byView;
  }

  private static int byTime(Fact a, Fact b) {
    Instant ta = a.time();
    Instant tb = b.time();
    if (ta == tb) {
      return 0;
    }
    return ta == null ? -1 : tb == null ? 1 : ta.compareTo(tb);
  }

  /** Messages one capture has and the other lacks: lost between the two capture points. */
  private static void oneSided(
      FactCollector facts, DeviceDirectory directory, CaptureAligner aligner, Events events) {
    List<Fact> messages = new ArrayList<>(facts.of(SipMessage.class));
    messages.addAll(facts.of(SccpMessage.class));
    String phoneSide =
        aligner.offsets().stream()
            .map(ClockOffset::phoneSide)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    for (Fact m : messages) {
      WorkLimit.checkpoint();
      CaptureAligner.Path p = aligner.pathOf(m);
      if (p == null) {
        continue;
      }
      if (p.inBoth()) {
        if (p.originalLost() && !aligner.isDuplicate(m.origin().file())) {
          firstTransmissionLost(m, p, phoneSide, directory, events);
        }
        continue;
      }
      Endpoints e = endpoints(m);
      boolean fromPhone = directory.phoneIp(e).equals(e.srcIp());
      boolean lost = phoneSide != null && (fromPhone == phoneSide.equals(p.seenIn()));
      MessageName what = MessageName.of(m);
      String cucmSide =
          TraceLane.is(p.otherFile())
              ? "CUCM (trace of " + TraceLane.nodeOf(p.otherFile()) + ")"
              : "the CUCM side (" + p.otherFile() + ")";
      String summary =
          lost
              ? (fromPhone
                  ? what + " left the phone but never reached " + cucmSide
                  : what
                      + " left the CUCM but never reached the phone side ("
                      + p.otherFile()
                      + ")")
              : what + " is in " + p.seenIn() + " only, not in " + p.otherFile();
      events.add(
          m,
          directory.deviceFor(directory.phoneIp(e)),
          summary,
          new InferredEvent.OneSided(
              lost, what, p.seenIn(), p.otherFile(), Direction.of(fromPhone), false, 0, tcpSeq(m)));
    }
  }

  /**
   * Both captures have the message, but only because a retransmission got through. The event is the
   * copy in the capture the timeline shows, which is the sender's first copy or the receiver's
   * retransmission: the text names each frame for what it is.
   */
  private static void firstTransmissionLost(
      Fact m, CaptureAligner.Path p, String phoneSide, DeviceDirectory directory, Events events) {
    Endpoints e = endpoints(m);
    boolean fromPhone = directory.phoneIp(e).equals(e.srcIp());
    boolean inReceiversCapture =
        phoneSide != null && fromPhone != phoneSide.equals(m.origin().file());
    String here = "frame " + m.origin().frame();
    MessageName what = MessageName.of(m);
    events.add(
        m,
        directory.deviceFor(directory.phoneIp(e)),
        "First transmission of "
            + what
            + " ("
            + (inReceiversCapture ? p.otherCite() : here)
            + ") never reached "
            + (fromPhone ? "the CUCM side" : "the phone side")
            + "; only a TCP retransmission did ("
            + (inReceiversCapture ? here : p.otherCite())
            + ")",
        new InferredEvent.OneSided(
            true,
            what,
            m.origin().file(),
            p.lane() != null ? p.lane() : p.otherFile(),
            Direction.of(fromPhone),
            true,
            p.otherFrame(),
            tcpSeq(m)));
  }

  private static Endpoints endpoints(Fact m) {
    return m instanceof SipMessage s ? s.endpoints() : ((SccpMessage) m).endpoints();
  }

  private static long tcpSeq(Fact m) {
    return m instanceof SipMessage s ? s.tcpSeq() : ((SccpMessage) m).tcpSeq();
  }
}
