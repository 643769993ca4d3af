package dev.regdoc.charts;

import dev.regdoc.charts.TimelineScene.Gap;
import dev.regdoc.charts.TimelineScene.Lane;
import dev.regdoc.charts.TimelineScene.Link;
import dev.regdoc.charts.TimelineScene.LinkKind;
import dev.regdoc.charts.TimelineScene.Mark;
import dev.regdoc.charts.TimelineScene.MarkKind;
import dev.regdoc.charts.TimelineScene.Marker;
import dev.regdoc.charts.TimelineScene.MarkerKind;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.timeline.DeviceInfo;
import dev.regdoc.timeline.Timeline;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.Direction;
import dev.regdoc.timeline.event.EventKind;
import dev.regdoc.timeline.event.InferredEvent;
import dev.regdoc.timeline.event.SccpEvent;
import dev.regdoc.timeline.event.SeenIn;
import dev.regdoc.timeline.event.SipEvent;
import dev.regdoc.timeline.event.TcpEvent;
import dev.regdoc.timeline.event.TraceLane;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns one device's part of a timeline into a {@link TimelineScene}: which lanes, which marks at
 * which frames, what links them, where the registration went unanswered too long, and the markers.
 */
final class TimelineSceneBuilder extends DeviceSceneBuilder {
  /** Longer timelines are shown as the window around the focus finding's evidence. */
  static final Duration MAX_SPAN = Duration.ofHours(2);

  private static final Duration FOCUS_MARGIN = Duration.ofMinutes(5);

  private final Map<String, TimelineEvent> byCite = new HashMap<>();

  TimelineSceneBuilder(Timeline timeline, DeviceInfo device, Labels labels) {
    super(timeline, device, labels);
    for (TimelineEvent e : events) {
      if (e.frame() > 0 && Scenes.isMessage(e.kind())) {
        byCite.putIfAbsent(e.file() + "#" + e.frame(), e);
      }
    }
  }

  /**
   * @param focus the finding whose evidence is emphasised and, for a long timeline, whose window is
   *     shown
   * @param focusTitle its title in the asked language (null: its code)
   */
  TimelineScene build(Finding focus, String focusTitle) {
    return build(focus, focusTitle, null, null);
  }

  /**
   * @param from start of the window to show (null, with {@code to} null: chosen as {@link #window}
   *     says)
   */
  TimelineScene build(Finding focus, String focusTitle, Instant from, Instant to) {
    Set<String> emphasised = Scenes.evidenceCites(focus);
    Instant[] span = Scenes.span(events);
    Instant[] window = from != null && to != null ? new Instant[] {from, to} : window(span, focus);
    boolean focused =
        span[0] != null && (window[0].isAfter(span[0]) || window[1].isBefore(span[1]));
    List<Lane> lanes = lanes();
    Map<String, Integer> laneIndex = new HashMap<>();
    for (int i = 0; i < lanes.size(); i++) {
      laneIndex.put(lanes.get(i).server() + "|" + lanes.get(i).side(), i);
    }
    List<Mark> marks = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    new MarkPlacer(laneIndex, emphasised, window).place(marks, links);
    List<Gap> gaps = gaps(lanes, window);
    List<Marker> markers = markers(emphasised, window);
    String name = device.id();
    String title = labels.get("timeline.title", name);
    String subtitle =
        focus == null
            ? ""
            : focusTitle != null ? focusTitle + " (" + focus.code() + ")" : focus.code();
    return new TimelineScene(
        name,
        title,
        subtitle,
        caption(focused, window),
        focus == null ? null : focus.code(),
        reference,
        window[0],
        window[1],
        focused,
        lanes,
        marks,
        links,
        gaps,
        markers,
        new IntervalsBuilder(events).build(window),
        emphasised);
  }

  /**
   * Protocol and address, the captures and how they were aligned, and whether this is only a
   * window.
   */
  private String caption(boolean focused, Instant[] window) {
    List<String> parts = new ArrayList<>();
    if (device.protocol() != null) {
      parts.add(device.protocol());
    }
    if (!device.ips().isEmpty()) {
      parts.add(String.join(", ", device.ips()));
    }
    if (focused) {
      parts.add(
          labels.get("timeline.focus", TIME.format(window[0]) + "\u2013" + TIME.format(window[1])));
    }
    for (var o : timeline.clockOffsets()) {
      parts.add(
          labels.get(
              TraceLane.is(o.file()) ? "timeline.alignedTrace" : "timeline.aligned",
              o.file(),
              String.format(Locale.ROOT, "%+.3f", o.offsetSeconds()),
              o.reference()));
    }
    return String.join("  ·  ", parts);
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

  /**
   * The whole timeline when it is short; else the evidence's span with a margin (all of it if that
   * is long too).
   */
  private Instant[] window(Instant[] span, Finding focus) {
    if (span[0] == null) {
      Instant now = Instant.EPOCH;
      return new Instant[] {now, now.plusSeconds(60)};
    }
    if (Duration.between(span[0], span[1]).compareTo(MAX_SPAN) <= 0) {
      return pad(span[0], span[1]);
    }
    Instant[] ev = Scenes.evidenceSpan(focus, events);
    if (ev[0] == null || Duration.between(ev[0], ev[1]).compareTo(MAX_SPAN) > 0) {
      ev = Scenes.lastHourBefore(ev[1], span);
    }
    Instant from = ev[0].minus(FOCUS_MARGIN);
    Instant to = ev[1].plus(FOCUS_MARGIN);
    return new Instant[] {
      from.isBefore(span[0]) ? span[0] : from, to.isAfter(span[1]) ? span[1] : to
    };
  }

  /** A little air on both sides so that the first and last marks are not on the plot's edge. */
  private static Instant[] pad(Instant from, Instant to) {
    long ms = Math.max(2000, Duration.between(from, to).toMillis() / 40);
    return new Instant[] {from.minusMillis(ms), to.plusMillis(ms)};
  }

  /** Per CUCM, a lane for each capture that saw its traffic, the one nearest the phone first. */
  private List<Lane> lanes() {
    Map<String, Set<String>> sides = new LinkedHashMap<>();
    for (TimelineEvent e : events) {
      TimelineEvent msg =
          e.kind() == EventKind.LOST_IN_NETWORK ? byCite.get(e.file() + "#" + e.frame()) : e;
      String server = msg == null ? null : Scenes.serverOf(msg, phoneIps);
      if (server == null || !servers.contains(server) || e.frame() == 0) {
        continue;
      }
      Set<String> s = sides.computeIfAbsent(server, k -> new LinkedHashSet<>());
      s.add(e.file());
      String other = Scenes.otherFile(e);
      if (other != null) {
        s.add(other);
      }
    }
    boolean twoCaptures = !timeline.clockOffsets().isEmpty();
    List<Lane> lanes = new ArrayList<>();
    for (String server : servers) {
      Set<String> s = sides.get(server);
      if (s == null) {
        continue;
      }
      String role = labels.get(server.equals(primary) ? "role.primary" : "role.secondary");
      List<String> ordered =
          s.stream().sorted(Comparator.comparing((String f) -> !f.equals(phoneSide))).toList();
      for (String side : ordered) {
        boolean atPhone = side.equals(phoneSide);
        String label = labels.get("lane.server", server, role);
        if (twoCaptures) {
          label += " \u2014 " + Scenes.side(labels, side, atPhone);
        }
        lanes.add(
            new Lane(
                server, server.equals(primary) ? "primary" : "secondary", side, atPhone, label));
      }
    }
    return lanes;
  }

  /**
   * Places every message of the window on its lane, with the links between request and answer and
   * between captures.
   */
  private final class MarkPlacer {
    private final Map<String, Integer> laneIndex;
    private final Set<String> emphasised;
    private final Instant[] window;
    private final Map<String, Mark> requestByCite = new HashMap<>();
    private final Map<String, Mark> lastRegisterByLane = new HashMap<>();
    private final Map<String, Instant> deliveredAt = new HashMap<>();

    MarkPlacer(Map<String, Integer> laneIndex, Set<String> emphasised, Instant[] window) {
      this.laneIndex = laneIndex;
      this.emphasised = emphasised;
      this.window = window;
      Map<String, Instant> retransmissionTimes = new HashMap<>();
      for (TimelineEvent e : events) {
        if (e.kind() == EventKind.TCP_RETRANSMISSION) {
          retransmissionTimes.put(e.file() + "#" + e.frame(), e.time());
        }
      }
      for (TimelineEvent e : events) {
        if (e.details() instanceof TcpEvent.Delivered d) {
          Instant t = retransmissionTimes.get(e.file() + "#" + d.deliveredFrame());
          if (t != null) {
            deliveredAt.put(e.file() + "#" + d.firstFrame(), t);
          }
        }
      }
    }

    void place(List<Mark> marks, List<Link> links) {
      for (TimelineEvent e : events) {
        if (e.time().isBefore(window[0]) || e.time().isAfter(window[1])) {
          continue;
        }
        if (e.kind() == EventKind.LOST_IN_NETWORK) {
          lost(e, marks, links);
          continue;
        }
        MarkKind kind = Scenes.markKind(e);
        if (kind == null) {
          continue;
        }
        String server = Scenes.serverOf(e, phoneIps);
        Integer lane =
            server == null
                ? null
                : laneIndex.get(server + "|" + (e.frame() > 0 ? e.file() : reference));
        if (lane == null) {
          continue;
        }
        boolean upper =
            kind == MarkKind.RETRANSMISSION
                ? e.details() instanceof TcpEvent.Between b && phoneIps.contains(b.from())
                    || e.kind().family() == EventKind.Family.SIP
                : Scenes.fromPhone(kind);
        Mark m = mark(lane, kind, upper, e.time(), e.file(), e.frame(), label(e, kind));
        marks.add(m);
        answerLink(e, m, server, links);
        mirror(e, m, server, marks, links);
      }
    }

    private Mark mark(
        int lane, MarkKind kind, boolean upper, Instant t, String file, long frame, String label) {
      return new Mark(
          lane, kind, upper, t, file, frame, label, emphasised.contains(file + "#" + frame));
    }

    private String label(TimelineEvent e, MarkKind kind) {
      if (kind != MarkKind.RETRANSMISSION) {
        return null;
      }
      Double d =
          e.details() instanceof TcpEvent.Retransmission r
              ? r.delay()
              : e.details() instanceof SipEvent.RequestRetransmission r ? r.sinceFirst() : null;
      return d != null ? "+" + Scenes.seconds(d) + " s" : null;
    }

    private void answerLink(TimelineEvent e, Mark m, String server, List<Link> links) {
      String key = e.file() + "#" + e.frame();
      if (m.upper() && m.kind() != MarkKind.RETRANSMISSION && m.kind() != MarkKind.UNANSWERED) {
        requestByCite.put(key, m);
        if (e.kind() == EventKind.SCCP_REGISTER) {
          lastRegisterByLane.put(server + "|" + e.file(), m);
        }
        return;
      }
      if (m.kind() != MarkKind.ANSWER && m.kind() != MarkKind.REJECTED) {
        return;
      }
      Long rf =
          e.details() instanceof SipEvent.RegisterResponse r
              ? r.requestFrame()
              : e.details() instanceof SccpEvent.KeepAliveAck a ? a.keepaliveFrame() : null;
      Mark req =
          rf != null
              ? requestByCite.get(e.file() + "#" + rf)
              : e.kind() == EventKind.SCCP_REGISTER_ACK
                  ? lastRegisterByLane.get(server + "|" + e.file())
                  : null;
      if (req != null) {
        links.add(
            new Link(LinkKind.ANSWER, req.lane(), true, req.time(), m.lane(), false, m.time()));
      }
    }

    /**
     * The same message as the other capture saw it (seenIn both): a mark on that capture's lane,
     * linked.
     */
    private void mirror(
        TimelineEvent e, Mark m, String server, List<Mark> marks, List<Link> links) {
      SeenIn seen = Scenes.seen(e);
      if (Scenes.otherCite(e) == null) {
        return;
      }
      String other = seen.traceLane() != null ? seen.traceLane() : seen.otherFile();
      Integer lane = laneIndex.get(server + "|" + other);
      if (lane == null || m.kind() == MarkKind.RETRANSMISSION) {
        return;
      }
      // a message whose first transmission was lost arrived with the retransmission that got
      // through
      Instant at =
          seen.originalLost()
              ? deliveredAt.getOrDefault(e.file() + "#" + e.frame(), m.time())
              : m.time();
      Mark twin = mark(lane, m.kind(), m.upper(), at, other, seen.otherFrame(), null);
      marks.add(twin);
      links.add(
          m.upper()
              ? new Link(LinkKind.PATH, m.lane(), true, at, lane, true, at)
              : new Link(LinkKind.PATH, lane, false, m.time(), m.lane(), false, m.time()));
    }

    /**
     * Left one capture point, never reached the other: an X on the lane where it should have
     * arrived.
     */
    private void lost(TimelineEvent e, List<Mark> marks, List<Link> links) {
      TimelineEvent msg = byCite.get(e.file() + "#" + e.frame());
      String server = msg == null ? null : Scenes.serverOf(msg, phoneIps);
      if (server == null) {
        return;
      }
      InferredEvent.OneSided o = (InferredEvent.OneSided) e.details();
      boolean up = o.direction() != Direction.CUCM_TO_PHONE;
      String missingFrom = String.valueOf(o.missingFrom());
      Integer from = laneIndex.get(server + "|" + e.file());
      Integer to = laneIndex.get(server + "|" + missingFrom);
      if (from == null) {
        return;
      }
      int target = to == null ? from : to;
      Mark x =
          mark(
              target,
              up ? MarkKind.LOST : MarkKind.LOST_DOWN,
              up,
              e.time(),
              e.file(),
              e.frame(),
              null);
      marks.add(x);
      if (to != null) {
        links.add(new Link(LinkKind.LOST, from, up, e.time(), to, up, e.time()));
      }
    }
  }

  /**
   * Per CUCM, stretches between answers (or until the last unanswered request) longer than granted,
   * on its first lane.
   */
  private List<Gap> gaps(List<Lane> lanes, Instant[] window) {
    List<Gap> gaps = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (int i = 0; i < lanes.size(); i++) {
      if (!done.add(lanes.get(i).server())) {
        continue;
      }
      for (Gap g : new GapFinder(events, phoneIps, lanes.get(i).server()).find(i)) {
        if (g.to().isAfter(window[0]) && g.from().isBefore(window[1])) {
          gaps.add(g);
        }
      }
    }
    return gaps;
  }

  private List<Marker> markers(Set<String> emphasised, Instant[] window) {
    List<Marker> out = new ArrayList<>();
    Set<String> serverSet = Set.copyOf(servers);
    Map<String, String> macOf = new HashMap<>();
    for (TimelineEvent e : events) {
      String cite = e.cite();
      boolean addressChange =
          Scenes.isAddressChange(e, serverSet, macOf)
              || Scenes.isAddressEvent(e) && emphasised.contains(cite);
      if (e.time().isBefore(window[0]) || e.time().isAfter(window[1])) {
        continue;
      }
      MarkerKind kind = addressChange ? MarkerKind.ADDRESS : Scenes.markerKind(e);
      if (kind == null) {
        continue;
      }
      out.add(
          new Marker(
              kind,
              e.time(),
              Scenes.markerLabel(e, kind, labels),
              cite,
              emphasised.contains(cite)));
    }
    return out;
  }
}
