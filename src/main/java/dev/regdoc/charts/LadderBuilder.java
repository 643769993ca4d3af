package dev.regdoc.charts;

import dev.regdoc.charts.LadderScene.Participant;
import dev.regdoc.charts.LadderScene.Role;
import dev.regdoc.charts.LadderScene.Row;
import dev.regdoc.charts.LadderScene.Style;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.facts.AsaInterfaceConfig;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.SwitchPortConfig;
import dev.regdoc.timeline.DeviceInfo;
import dev.regdoc.timeline.Timeline;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.AddressEvent;
import dev.regdoc.timeline.event.Direction;
import dev.regdoc.timeline.event.EventDetails;
import dev.regdoc.timeline.event.EventKind;
import dev.regdoc.timeline.event.InferredEvent;
import dev.regdoc.timeline.event.LogEvent;
import dev.regdoc.timeline.event.RegisterOutcome;
import dev.regdoc.timeline.event.SeenIn;
import dev.regdoc.timeline.event.SipEvent;
import dev.regdoc.timeline.event.TcpEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds the ladder of one device for a time window: by default the window around the focus
 * finding's key evidence (the cited frame just before the phone moved to another CUCM or CUCM
 * unregistered it, else the last cited frame), starting with the exchange before it.
 */
final class LadderBuilder extends DeviceSceneBuilder {
  static final int MAX_ROWS = 30;

  private final List<Participant> participants = new ArrayList<>();
  private final Map<String, Integer> cucmIndex = new HashMap<>();
  private final int middle;
  private final int firewall;

  LadderBuilder(Timeline timeline, DeviceInfo device, Labels labels) {
    super(timeline, device, labels);
    participants.add(
        new Participant(
            Role.PHONE, labels.get("ladder.phone", "").trim(), String.join(", ", device.ips())));
    int sw = -1;
    int fw = -1;
    SwitchPortConfig port = switchPort();
    if (port != null) {
      sw = participants.size();
      participants.add(
          new Participant(
              Role.SWITCH,
              labels.get("ladder.switch", port.host() == null ? "" : port.host()).trim(),
              shortInterface(port.interfaceName())));
    }
    AsaInterfaceConfig asa = firewallInterface();
    if (asa != null) {
      fw = participants.size();
      participants.add(
          new Participant(
              Role.FIREWALL,
              labels.get("ladder.firewall", asa.host() == null ? "" : asa.host()).trim(),
              asa.nameif() + (asa.ip() == null ? "" : " " + asa.ip().split(" ")[0])));
    }
    this.middle = sw >= 0 ? sw : fw;
    this.firewall = fw;
    List<String> ordered = new ArrayList<>(servers);
    if (primary != null) {
      ordered.remove(primary);
      ordered.add(0, primary);
    }
    for (String s : ordered) {
      cucmIndex.put(s, participants.size());
      participants.add(
          new Participant(
              Role.CUCM,
              "CUCM " + s,
              labels.get(s.equals(primary) ? "role.primary" : "role.secondary")));
    }
  }

  /**
   * Cisco's usual abbreviations, so that a port name fits a column: GigabitEthernet1/0/12 is
   * Gi1/0/12.
   */
  static String shortInterface(String name) {
    if (name == null) {
      return "";
    }
    return name.replaceFirst("^TenGigabitEthernet", "Te")
        .replaceFirst("^GigabitEthernet", "Gi")
        .replaceFirst("^FastEthernet", "Fa");
  }

  private SwitchPortConfig switchPort() {
    return config(SwitchPortConfig.class, SwitchPortConfig::portSecurity);
  }

  private AsaInterfaceConfig firewallInterface() {
    return config(AsaInterfaceConfig.class, AsaInterfaceConfig::proxyArp);
  }

  /**
   * The first config of {@code type} that {@code preferred} accepts, else the first of that type,
   * else null.
   */
  private <T extends Fact> T config(Class<T> type, Predicate<T> preferred) {
    T first = null;
    for (Fact f : timeline.configs()) {
      if (type.isInstance(f)) {
        T c = type.cast(f);
        if (preferred.test(c)) {
          return c;
        }
        first = first == null ? c : first;
      }
    }
    return first;
  }

  /** The ladder around {@code focus}'s key evidence. */
  LadderScene around(Finding focus, String focusTitle) {
    List<TimelineEvent> rowEvents = events.stream().filter(this::isRow).toList();
    if (rowEvents.isEmpty()) {
      return scene(List.of(), null, null, focus, focusTitle, 0);
    }
    int anchor = anchorIndex(rowEvents, focus);
    int start = anchor;
    for (int i = anchor - 1; i >= 0; i--) {
      start = i;
      if (isRequest(rowEvents.get(i))) {
        break;
      }
    }
    return build(rowEvents.get(start).time(), null, focus, focusTitle);
  }

  /** The ladder of everything between {@code from} and {@code to} (null: open). */
  LadderScene build(Instant from, Instant to, Finding focus, String focusTitle) {
    RowMaker maker = new RowMaker(Scenes.evidenceCites(focus));
    List<Row> rows = new ArrayList<>();
    int omitted = 0;
    Instant last = null;
    for (TimelineEvent e : events) {
      maker.see(e);
      if (!isRow(e)
          || from != null && e.time().isBefore(from)
          || to != null && e.time().isAfter(to)) {
        continue;
      }
      if (rows.size() >= MAX_ROWS) {
        omitted++;
        continue;
      }
      Row r = maker.row(e);
      if (r != null && !mergedIntoTwin(rows, r)) {
        rows.add(r);
        last = e.time();
      }
    }
    Instant start = rows.isEmpty() ? from : rows.get(0).time();
    return scene(rows, start, to != null && omitted == 0 ? to : last, focus, focusTitle, omitted);
  }

  /**
   * The same ARP or TCP control packet in the other capture: one row that says where else it was
   * seen.
   *
   * @return false when {@code r} has no twin among the last rows
   */
  private boolean mergedIntoTwin(List<Row> rows, Row r) {
    Row twin = twinOf(rows, r);
    if (twin == null) {
      return false;
    }
    boolean phoneFirst = r.cite().startsWith(phoneSide + "#");
    rows.set(
        rows.indexOf(twin),
        new Row(
            phoneFirst ? r.time() : twin.time(),
            phoneFirst ? r.cite() : twin.cite(),
            twin.from(),
            twin.to(),
            twin.style(),
            twin.label(),
            twin.note(),
            phoneFirst ? twin.cite() : r.cite(),
            twin.emphasised() || r.emphasised()));
    return true;
  }

  private LadderScene scene(
      List<Row> rows, Instant from, Instant to, Finding focus, String focusTitle, int omitted) {
    String title =
        focus == null
            ? labels.get("ladder.titlePlain", device.id())
            : labels.get("ladder.title", device.id(), focus.code());
    String subtitle = focus == null || focusTitle == null ? "" : focusTitle;
    return new LadderScene(
        device.id(),
        title,
        subtitle,
        focus == null ? null : focus.code(),
        reference,
        from,
        to,
        List.copyOf(participants),
        List.copyOf(rows),
        omitted);
  }

  private int anchorIndex(List<TimelineEvent> rowEvents, Finding focus) {
    Instant brk = null;
    List<Instant> evidence = Scenes.evidenceTimes(focus, events);
    Instant firstEvidence = evidence.stream().min(Instant::compareTo).orElse(null);
    for (TimelineEvent e : events) {
      boolean breaks =
          e.kind() == EventKind.FAILOVER
              || e.details() instanceof LogEvent.CucmAlarm a
                  && String.valueOf(a.alarm()).contains("Unregistered");
      if (breaks && (firstEvidence == null || !e.time().isBefore(firstEvidence))) {
        brk = e.time();
        break;
      }
    }
    Instant anchorTime = null;
    for (Instant t : evidence) {
      if (brk == null || !t.isAfter(brk)) {
        anchorTime = anchorTime == null || t.isAfter(anchorTime) ? t : anchorTime;
      }
    }
    if (anchorTime == null) {
      anchorTime = brk != null ? brk : rowEvents.get(rowEvents.size() - 1).time();
    }
    for (int i = 0; i < rowEvents.size(); i++) {
      if (!rowEvents.get(i).time().isBefore(anchorTime)) {
        return i;
      }
    }
    return rowEvents.size() - 1;
  }

  private boolean isRow(TimelineEvent e) {
    if (e.details() instanceof SipEvent.RegisterResponse r && r.status() < 200) {
      return false; // 100 Trying adds a line and says nothing about the registration
    }
    switch (e.kind()) {
      case SIP_REGISTER,
      SIP_REFRESH,
      SIP_BACKUP_KEEPALIVE,
      SIP_DEREGISTER,
      SIP_REGISTER_RESPONSE,
      SIP_REQUEST_RETRANSMISSION,
      SCCP_REGISTER,
      SCCP_REGISTER_ACK,
      SCCP_REGISTER_REJECT,
      SCCP_KEEPALIVE,
      SCCP_KEEPALIVE_ACK,
      SCCP_UNREGISTER,
      SCCP_UNREGISTER_ACK,
      SCCP_RESET,
      TCP_RETRANSMISSION,
      TCP_SYN,
      TCP_SYN_ACK,
      TCP_FIN,
      TCP_RST,
      ARP_REQUEST,
      ARP_REPLY,
      FAILOVER,
      FALLBACK,
      CUCM_ALARM,
      SWITCH_LOG,
      ASA_LOG:
        return true;
      case MAC_PATH:
        return ((AddressEvent.MacPath) e.details()).previousDstMac() != null;
      default:
        return false;
    }
  }

  private static boolean isRequest(TimelineEvent e) {
    return switch (e.kind()) {
      case SIP_REGISTER,
          SIP_REFRESH,
          SIP_BACKUP_KEEPALIVE,
          SIP_DEREGISTER,
          SCCP_REGISTER,
          SCCP_KEEPALIVE ->
          true;
      default -> false;
    };
  }

  /**
   * One build's rows: what the device's other events say about each message (lost, unanswered,
   * delivered late).
   */
  private final class RowMaker {
    private final Set<String> cites;
    private final Map<String, InferredEvent.OneSided> lost = new HashMap<>();
    private final Set<String> lostEntirely = new HashSet<>();
    private final Set<String> unanswered = new HashSet<>();
    private final Map<String, String> deliveredBy =
        new HashMap<>(); // retransmission cite -> original cite
    private final Map<String, String> alsoAtOfOriginal = new HashMap<>();
    private final Map<String, String> firstMac = new HashMap<>();

    /**
     * @param cites the focus finding's evidence, marked on its rows
     */
    RowMaker(Set<String> cites) {
      this.cites = cites;
      for (TimelineEvent e : events) {
        String cite = e.file() + "#" + e.frame();
        if (e.details() instanceof InferredEvent.OneSided o && o.lost()) {
          lost.put(cite, o);
          if (!o.firstTransmissionOnly()) {
            lostEntirely.add(cite);
          }
        } else if (e.kind() == EventKind.SCCP_KEEPALIVE_UNANSWERED) {
          unanswered.add(cite);
        } else if (e.details() instanceof TcpEvent.Delivered d) {
          deliveredBy.put(e.file() + "#" + d.deliveredFrame(), e.file() + "#" + d.firstFrame());
        }
      }
    }

    /**
     * Every event in time order, rows or not: a CUCM's address keeps the first MAC an ARP answer
     * gave it.
     */
    void see(TimelineEvent e) {
      if (e.details() instanceof AddressEvent.ArpReply r) {
        firstMac.putIfAbsent(String.valueOf(r.ip()), String.valueOf(r.mac()));
      }
    }

    Row row(TimelineEvent e) {
      String cite = e.cite();
      SeenIn seen = Scenes.seen(e);
      String alsoAt = Scenes.otherCite(e);
      if (seen != null && seen.originalLost() && alsoAt != null) {
        alsoAtOfOriginal.put(cite, alsoAt); // it arrived with the retransmission that got through
        alsoAt = null;
      }
      boolean emph = cites.contains(cite) || alsoAt != null && cites.contains(alsoAt);
      Row note = note(e, cite, emph);
      if (note != null || isNote(e.kind())) {
        return note;
      }
      int[] ends = ends(e, firstMac);
      if (ends == null) {
        return null;
      }
      String label = LadderLabels.of(e, labels);
      Style style = Style.MESSAGE;
      String noteText = unanswered.contains(cite) ? labels.get("mark.unanswered") : null;
      if (e.details() instanceof SipEvent.RegisterResponse r
          && r.outcome() == RegisterOutcome.STALE) {
        noteText = labels.get("ladder.stale");
      }
      InferredEvent.OneSided l = lost.get(cite);
      String original = originalOf(e);
      if (l != null) {
        style = Style.LOST;
        boolean up = l.direction() != Direction.CUCM_TO_PHONE;
        noteText = labels.get(up ? "ladder.lost" : "ladder.lostDown", l.missingFrom());
      } else if (original != null) {
        style = lostEntirely.contains(original) ? Style.LOST : Style.RETRANSMISSION;
        String delivered = deliveredBy.get(cite);
        if (delivered != null && alsoAtOfOriginal.containsKey(delivered)) {
          alsoAt = alsoAtOfOriginal.get(delivered);
        }
        if (style == Style.LOST) {
          noteText = labels.get("ladder.lost", lost.get(original).missingFrom());
        }
      }
      return new Row(e.time(), cite, ends[0], ends[1], style, label, noteText, alsoAt, emph);
    }
  }

  /** For a retransmission, the cite of the transmission it repeats; otherwise null. */
  private static String originalOf(TimelineEvent e) {
    if (e.details() instanceof TcpEvent.Retransmission r) {
      return e.file() + "#" + r.originalFrame();
    }
    if (e.details() instanceof SipEvent.RequestRetransmission r) {
      return e.file() + "#" + r.firstFrame();
    }
    return null;
  }

  private static Row twinOf(List<Row> rows, Row r) {
    String file =
        r.cite().substring(0, r.cite().lastIndexOf('#') < 0 ? 0 : r.cite().lastIndexOf('#'));
    for (int i = rows.size() - 1; i >= 0 && i >= rows.size() - 4; i--) {
      Row o = rows.get(i);
      boolean otherFile =
          !o.cite().startsWith(file + "#") && o.cite().contains("#") && r.cite().contains("#");
      if (otherFile
          && o.alsoAt() == null
          && o.label().equals(r.label())
          && o.from() == r.from()
          && o.to() == r.to()
          && Math.abs(Duration.between(o.time(), r.time()).toMillis()) < 50) {
        return o;
      }
    }
    return null;
  }

  private static boolean isNote(EventKind kind) {
    return kind == EventKind.FAILOVER
        || kind == EventKind.FALLBACK
        || kind == EventKind.CUCM_ALARM
        || kind == EventKind.SWITCH_LOG
        || kind == EventKind.ASA_LOG
        || kind == EventKind.MAC_PATH;
  }

  private Row note(TimelineEvent e, String cite, boolean emph) {
    int firstCucm = participants.size() - cucmIndex.size();
    int lastCucm = participants.size() - 1;
    EventDetails d = e.details();
    if (d instanceof InferredEvent.RoleChange c) {
      String word = labels.get(c.fallback() ? "marker.fallback" : "marker.failover");
      return new Row(
          e.time(), cite, 0, 0, Style.NOTE, word + " \u2192 " + c.to(), null, null, emph);
    }
    if (d instanceof LogEvent.CucmAlarm a) {
      String node = a.field("NodeID");
      String text =
          a.alarm()
              + (a.reason() != null ? " Reason=" + a.reason() : "")
              + (node != null ? " (" + node + ")" : "");
      return cucmIndex.isEmpty()
          ? null
          : new Row(e.time(), cite, firstCucm, lastCucm, Style.NOTE, text, null, null, emph);
    }
    if (d instanceof LogEvent.NetworkLog n) {
      int at = n.asa() && firewall >= 0 ? firewall : middle >= 0 ? middle : 0;
      return new Row(e.time(), cite, at, at, Style.NOTE, Scenes.logTag(n), null, null, emph);
    }
    if (d instanceof AddressEvent.MacPath p) {
      return new Row(
          e.time(),
          cite,
          0,
          0,
          Style.NOTE,
          p.dstIp() + " \u2192 MAC " + p.dstMac(),
          null,
          null,
          emph);
    }
    return null;
  }

  /** Which participants a message goes between, or null when it concerns none of them. */
  private int[] ends(TimelineEvent e, Map<String, String> firstMac) {
    EventDetails d = e.details();
    if (d instanceof AddressEvent.Arp arp) {
      String ip = String.valueOf(arp.ip());
      Integer cucm = cucmIndex.get(ip);
      if (d instanceof AddressEvent.ArpRequest) {
        return cucm == null ? null : new int[] {0, cucm};
      }
      if (cucm == null) {
        return null;
      }
      String mac = d instanceof AddressEvent.ArpReply r ? r.mac() : null;
      boolean own = String.valueOf(mac).equals(firstMac.get(ip));
      int from = own ? cucm : firewall >= 0 ? firewall : middle >= 0 ? middle : cucm;
      return new int[] {from, 0};
    }
    String server = Scenes.serverOf(e, phoneIps);
    Integer cucm = server == null ? null : cucmIndex.get(server);
    if (cucm == null) {
      return null;
    }
    boolean fromPhone;
    if (d instanceof TcpEvent.Between b) {
      fromPhone = phoneIps.contains(String.valueOf(b.from()));
    } else {
      fromPhone =
          isRequest(e)
              || e.kind() == EventKind.SIP_REQUEST_RETRANSMISSION
              || e.kind() == EventKind.SCCP_UNREGISTER;
    }
    return fromPhone ? new int[] {0, cucm} : new int[] {cucm, 0};
  }
}
