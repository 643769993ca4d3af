package dev.regdoc.timeline;

import dev.regdoc.common.DisplayNames;
import dev.regdoc.common.LabelBundle;
import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.AsaInterfaceConfig;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.SwitchPortConfig;
import dev.regdoc.timeline.event.EventKind;
import dev.regdoc.timeline.event.TraceLane;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A readable table per device, for a terminal. */
public final class TimelineText {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
  private static final int MAX_ANOMALIES = 20;
  private static final String LABELS = "dev.regdoc.timeline.labels";

  private TimelineText() {}

  /** Call-control messages that say nothing about registration; shown only on request. */
  private static final Set<EventKind> DETAIL_KINDS =
      EnumSet.of(EventKind.SCCP_MESSAGE, EventKind.SIP_MESSAGE);

  public static String render(Timeline t) {
    return render(t, false);
  }

  /**
   * @param all also list call-control messages (otherwise only counted)
   */
  public static String render(Timeline t, boolean all) {
    return render(t, all, FileWording.ENGLISH);
  }

  /**
   * As {@link #render(Timeline, boolean)}, the files named and their problems said in {@code
   * words}.
   */
  public static String render(Timeline t, boolean all, FileWording words) {
    LabelBundle labels = LabelBundle.of(LABELS, words.lang());
    StringBuilder out = new StringBuilder();
    files(t, words, labels, out);
    offsets(t, labels, out);
    Map<String, List<TimelineEvent>> byDevice =
        t.events().stream()
            .collect(
                Collectors.groupingBy(
                    TimelineEvent::device, LinkedHashMap::new, Collectors.toList()));
    for (DeviceInfo d : t.devices()) {
      device(d, byDevice.remove(d.id()), all, labels, out);
    }
    byDevice.forEach(
        (id, events) ->
            device(
                new DeviceInfo(id, null, null, List.of(), List.of(), null),
                events,
                all,
                labels,
                out));
    configs(t.configs(), labels, out);
    anomalies(t.anomalies(), labels, out);
    problems(t.files(), words, labels, out);
    return DisplayNames.cleanText(out.toString()); // device names and log text reach a terminal
  }

  private static void files(Timeline t, FileWording words, LabelBundle labels, StringBuilder out) {
    out.append(labels.get("files")).append('\n');
    for (FileListFold.Shown s : FileListFold.fold(t.files())) {
      FileReport f = s.report();
      String counts =
          f.counts().entrySet().stream()
              .map(e -> count(labels, e.getKey(), e.getValue()))
              .collect(Collectors.joining(labels.get("count.separator")));
      out.append("  ")
          .append(f.file())
          .append("  [")
          .append(words.looksLike(f))
          .append("]  ")
          .append(f.read() ? counts : f.skipped() ? words.skipped() : words.notRead())
          .append('\n');
      if (s.moreLikeIt() > 0) {
        out.append("  ").append(labels.get("files.moreAlike", s.moreLikeIt())).append('\n');
      }
    }
  }

  /** One count of a file, e.g. "69 frames"; a count the labels do not know keeps its key. */
  private static String count(LabelBundle labels, String key, long value) {
    String n = Long.toString(value);
    return labels.has("count." + key) ? labels.get("count." + key, n) : labels.get("count", n, key);
  }

  private static void offsets(Timeline t, LabelBundle labels, StringBuilder out) {
    for (ClockOffset o : t.clockOffsets()) {
      out.append(
              labels.get(
                  "clock",
                  o.file(),
                  String.format(Locale.ROOT, "%+.3f", o.offsetSeconds()),
                  o.reference(),
                  Long.toString(o.matched()),
                  labels.get(TraceLane.is(o.file()) ? "clock.trace" : "clock.capture"),
                  o.phoneSide() == null ? "" : labels.get("clock.phoneSide", o.phoneSide())))
          .append('\n');
    }
  }

  private static void device(
      DeviceInfo d,
      List<TimelineEvent> events,
      boolean all,
      LabelBundle labels,
      StringBuilder out) {
    out.append("\n== ").append(d.id());
    StringBuilder info = new StringBuilder();
    append(info, d.protocol());
    append(info, d.mac() == null ? null : "MAC " + d.mac());
    append(info, d.ips().isEmpty() ? null : "IP " + String.join(", ", d.ips()));
    append(info, d.servers().isEmpty() ? null : "CUCM " + String.join(", ", d.servers()));
    out.append(info.length() > 0 ? "  (" + info + ")" : "").append('\n');
    if (events == null || events.isEmpty()) {
      out.append("  ").append(labels.get("device.noEvents")).append('\n');
      return;
    }
    long hidden = 0;
    for (TimelineEvent e : events) {
      if (!all && DETAIL_KINDS.contains(e.kind())) {
        hidden++;
        continue;
      }
      out.append(time(e.time()))
          .append("  ")
          .append(String.format(Locale.ROOT, "%-28s", e.kind()))
          .append(' ')
          .append(e.summary())
          .append("  [")
          .append(e.cite())
          .append("]\n");
    }
    if (hidden > 0) {
      out.append("  ").append(labels.get("device.hidden", Long.toString(hidden))).append('\n');
    }
  }

  private static void configs(List<Fact> configs, LabelBundle labels, StringBuilder out) {
    if (configs.isEmpty()) {
      return;
    }
    out.append('\n').append(labels.get("configurations")).append('\n');
    for (Fact c : configs) {
      if (c instanceof SwitchPortConfig p) {
        out.append("  ")
            .append(p.host() == null ? "switch" : p.host())
            .append(' ')
            .append(p.interfaceName())
            .append(
                p.portSecurity()
                    ? ": port-security"
                        + (p.maximum() == null ? "" : " maximum " + p.maximum())
                        + (p.agingMinutes() == null
                            ? ", no aging"
                            : ", aging "
                                + p.agingMinutes()
                                + " min "
                                + (p.agingType() == null ? "absolute" : p.agingType()))
                        + (p.violation() == null ? "" : ", violation " + p.violation())
                    : ": no port-security")
            .append(p.voiceVlan() == null ? "" : ", voice VLAN " + p.voiceVlan())
            .append("  [")
            .append(c.origin().cite())
            .append("]\n");
      } else if (c instanceof AsaInterfaceConfig a) {
        out.append("  ")
            .append(a.host() == null ? "ASA" : a.host())
            .append(' ')
            .append(a.interfaceName())
            .append(" (")
            .append(a.nameif())
            .append(a.ip() == null ? "" : ", " + a.ip())
            .append("): proxy ARP ")
            .append(a.proxyArp() ? "ON" : "off")
            .append("  [")
            .append(c.origin().cite())
            .append("]\n");
      }
    }
  }

  private static void anomalies(List<Anomaly> anomalies, LabelBundle labels, StringBuilder out) {
    if (anomalies.isEmpty()) {
      return;
    }
    out.append('\n')
        .append(labels.get("anomalies", Integer.toString(anomalies.size())))
        .append('\n');
    anomalies.stream()
        .limit(MAX_ANOMALIES)
        .forEach(
            a ->
                out.append("  ")
                    .append(a.code())
                    .append(": ")
                    .append(a.detail())
                    .append("  [")
                    .append(a.origin().cite())
                    .append("]\n"));
    if (anomalies.size() > MAX_ANOMALIES) {
      out.append("  ")
          .append(labels.get("anomalies.more", Integer.toString(anomalies.size() - MAX_ANOMALIES)))
          .append('\n');
    }
  }

  private static void problems(
      List<FileReport> files, FileWording words, LabelBundle labels, StringBuilder out) {
    List<String> all =
        FileListFold.fold(files).stream()
            .flatMap(s -> words.problems(s.report()).stream())
            .toList();
    if (!all.isEmpty()) {
      out.append('\n').append(labels.get("problems")).append('\n');
      all.forEach(p -> out.append("  - ").append(p).append('\n'));
    }
  }

  static String time(Instant t) {
    return t == null ? "(no time)                 " : TIME.format(t);
  }

  private static void append(StringBuilder sb, String s) {
    if (s != null) {
      sb.append(sb.length() > 0 ? "; " : "").append(s);
    }
  }
}
