package dev.regdoc.ccmtrace;

import dev.regdoc.common.CappedByteLineReader;
import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.FileProblem;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.TraceAlarm;
import dev.regdoc.facts.TraceFile;
import dev.regdoc.facts.TraceSccp;
import dev.regdoc.facts.TraceSignal;
import dev.regdoc.facts.TraceSip;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reading of one trace file, line by line. A SIP message is the lines after its lead line up to
 * the next record; a record that breaks into a message whose head has not ended (two writers' lines
 * interleaved) suspends it, and lines that follow and do not start a record resume it. Lines before
 * the first record continue a message the previous file's rotation cut.
 */
final class FileRun {
  /** Records another writer may put into a message before the message is taken as ended. */
  private static final int MAX_INTERLEAVED = 4;

  /** Lines kept from the top of a file for joining with the previous file's cut message. */
  private static final int MAX_HEAD_LINES = 400;

  private final String file;
  private final FactSink sink;
  private final TraceClock clock;
  private final SipRecords sipRecords;
  private final int maxMessageChars;
  private final TraceNames.SdlName sdlName;
  private final LineNotes notes;
  private final StationDirectory stations = new StationDirectory();
  private final TraceLine line = new TraceLine();
  private final Map<String, Long> counts = new LinkedHashMap<>();

  private FileHeader header;
  private TraceFile.Format format;
  private String node;
  private SipBlock open;
  private boolean expectMarker;
  private SipBlock suspended;
  private int suspendedFor;
  private boolean skippingCopy;
  private boolean beforeRecords = true;
  private final List<byte[]> headLines = new ArrayList<>();
  private long headFirstLine;
  private String lastInfo;
  private LocalDateTime first;
  private LocalDateTime last;
  private long lines;
  private long records;
  private long broken;
  private long interleaved;
  private long firstInterleavedLine;

  FileRun(
      String file,
      FactSink sink,
      TraceClock clock,
      FileHeader prescanned,
      SipRecords sipRecords,
      int maxMessageChars) {
    this.file = file;
    this.sink = sink;
    this.clock = clock;
    this.sipRecords = sipRecords;
    this.maxMessageChars = maxMessageChars;
    this.sdlName = TraceNames.sdlName(file);
    this.notes = new LineNotes(file, sink);
    this.header = prescanned;
    this.node = nodeName();
  }

  void line(CappedByteLineReader r) {
    lines++;
    byte[] b = r.bytes();
    int n = r.length();
    TraceLineContent content = TraceLineContent.of(b, n);
    if (content == TraceLineContent.BINARY) {
      notes.note(r.number(), LineNotes.Kind.BINARY);
      return;
    }
    if (content == TraceLineContent.INVALID_UTF8) {
      notes.note(r.number(), LineNotes.Kind.INVALID_UTF8);
    }
    switch (line.parse(b, n)) {
      case SDL, SDI -> {
        if (line.recovered >= 0) {
          notes.note(r.number(), LineNotes.Kind.RUN_TOGETHER);
        }
        record(r.number(), b, n);
      }
      case MARKER -> marker(r.number(), b, n);
      case BROKEN -> broken(r.number());
      default -> continuation(r.number(), b, n);
    }
  }

  private void broken(long number) {
    broken++;
    notes.note(number, LineNotes.Kind.BROKEN);
  }

  // ------------------------------------------------------------------ records

  private void record(long number, byte[] b, int n) {
    records++;
    if (format == null) {
      format = line.kind == TraceLine.Kind.SDI ? TraceFile.Format.SDI : TraceFile.Format.SDL;
    }
    String type = line.type;
    if (TraceLine.Types.FILE_HEAD.equals(type)) {
      header = FileHeader.parse(line.payload());
      node = nodeName();
    } else if (beforeRecords) {
      headFragment();
    }
    LocalDateTime local = clock.at(line.millis);
    if (first == null) {
      first = local;
    }
    last = local;
    endMessageAtRecord();
    skippingCopy = false;
    if (TraceLine.Types.APP_INFO.equals(type) || line.kind == TraceLine.Kind.SDI) {
      info(number, local);
    } else if (TraceLine.Types.isSignal(type)) {
      signal(number, local, SignalLine.parse(b, line.payloadFrom, n), type);
    } else if (TraceLine.Types.isAlarm(type)) {
      alarm(number, local, type, line.payload());
    }
  }

  /** A record ends the message being read; one whose head has not ended is only suspended. */
  private void endMessageAtRecord() {
    if (suspended != null && ++suspendedFor > MAX_INTERLEAVED) {
      emit(suspended, null);
      suspended = null;
    }
    if (open == null) {
      return;
    }
    if (Boolean.TRUE.equals(open.complete()) || open.isEmpty()) {
      emit(open, null);
    } else {
      if (suspended != null) {
        emit(suspended, null);
      }
      suspended = open;
      suspendedFor = 0;
    }
    open = null;
    expectMarker = false;
  }

  /**
   * An AppInfo line: a SIP lead, a station message, a refused oversize message, or an alarm's
   * prose; judged on its bytes first, as most AppInfo lines are call processing.
   */
  private void info(long number, LocalDateTime local) {
    lastInfo = null;
    if (line.payloadContains("coming SIP ") || line.payloadContains("going SIP ")) {
      SipLead lead = SipLead.parse(line.payload());
      if (lead != null) {
        if (suspended != null) {
          emit(suspended, null);
          suspended = null;
        }
        open = new SipBlock(lead, number, local, clock.instant(local), maxMessageChars);
        expectMarker = true;
        return;
      }
    }
    if (line.payloadStartsWith("Station")) {
      StationLine station = StationLine.parse(line.payload());
      if (station != null) {
        station(number, local, station);
      }
      return;
    }
    if (line.payloadContains("Ignoring large message")) {
      tooLarge(number, local, SipLead.tooLarge(line.payload()));
    } else if (line.payloadContains(" - ")) {
      lastInfo = line.payload(); // the prose of an alarm written next ("Name - text")
    }
  }

  private void tooLarge(long number, LocalDateTime local, String from) {
    if (from == null) {
      return;
    }
    count("sip-refused-too-large");
    sink.accept(
        new Anomaly(
            Origin.line(file, number, clock.instant(local)),
            "trace-sip-message-too-large",
            "CUCM dropped a SIP message from "
                + from
                + " over its size limit and reset the connection"));
  }

  private void station(long number, LocalDateTime local, StationLine s) {
    stations.learnHandle(s.tcpHandle(), s.deviceName(), s.ip(), s.port());
    if (!s.isRegistrationTraffic()) {
      count("sccp-other");
      return;
    }
    StationDirectory.Station known = stations.find(s.instance(), s.tcpHandle());
    String device = s.deviceName() != null ? s.deviceName() : known == null ? null : known.device();
    String ip = s.ip() != null ? s.ip() : known == null ? null : known.ip();
    int port = s.port() >= 0 ? s.port() : known == null ? -1 : known.port();
    String connection =
        s.tcpHandle() != null
            ? s.tcpHandle()
            : s.instance() >= 0 ? "StationD " + s.instance() : null;
    count("sccp");
    sink.accept(
        new TraceSccp(
            Origin.line(file, number, clock.instant(local)),
            node,
            local,
            s.direction(),
            s.messageId(),
            s.name(),
            s.word(),
            device,
            ip,
            port,
            connection,
            s.instance()));
  }

  private void signal(long number, LocalDateTime local, SignalLine s, String type) {
    if (s == null) {
      return;
    }
    long receiver = SignalLine.stationInstance(s.receiver());
    stations.learnInstance(
        receiver >= 0 ? receiver : SignalLine.stationInstance(s.sender()),
        s.deviceName(),
        s.deviceIp());
    if (!s.isRegistrationSignal()) {
      return;
    }
    count("signals");
    sink.accept(
        new TraceSignal(
            Origin.line(file, number, clock.instant(local)),
            node,
            local,
            s.signal(),
            s.receiver(),
            s.sender(),
            s.deviceName(),
            s.deviceIp(),
            !TraceLine.Types.SDL_SIG.equals(type)));
  }

  private void alarm(long number, LocalDateTime local, String type, String payload) {
    AlarmLine a = AlarmLine.parse(type, payload);
    if (a == null) {
      return;
    }
    count("alarms");
    sink.accept(
        new TraceAlarm(
            Origin.line(file, number, clock.instant(local)),
            node,
            local,
            a.name(),
            a.severity(),
            a.parameters(),
            a.prose(lastInfo)));
  }

  // ------------------------------------------------------------------ lines that are not records

  private void marker(long number, byte[] b, int n) {
    if (beforeRecords) {
      head(number, b, n);
    } else if (line.internal) {
      count("sip-internal-copies");
      skippingCopy = true; // a copy made inside CUCM (normalization): the wire copy is traced too
      open = null;
      expectMarker = false;
    } else if (open != null && expectMarker) {
      open.messageNumber = line.marker;
      expectMarker = false;
    } else {
      continuation(number, b, n);
    }
  }

  private void continuation(long number, byte[] b, int n) {
    if (beforeRecords) {
      head(number, b, n);
      return;
    }
    if (skippingCopy) {
      return;
    }
    if (open == null && suspended != null && looksLikeSipLine(b, n)) {
      open = suspended; // another writer's record broke in; the message goes on here
      suspended = null;
      if (interleaved++ == 0) {
        firstInterleavedLine = number;
      }
    }
    if (open != null) {
      expectMarker = false;
      open.add(b, n);
    }
    // otherwise the line continues the record above it (a dump, a long signal): part of it
  }

  /**
   * A header line ({@code Name: value}) or the blank line ending a head: what may continue a
   * message another writer broke into. Other lines continue the record that broke in.
   */
  private static boolean looksLikeSipLine(byte[] b, int n) {
    if (n == 0) {
      return true;
    }
    int i = 0;
    while (i < n && isTokenChar(b[i])) {
      i++;
    }
    int colon = i;
    while (colon < n && (b[colon] == ' ' || b[colon] == '\t')) {
      colon++;
    }
    return i > 0 && colon < n && b[colon] == ':';
  }

  private static boolean isTokenChar(byte c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
  }

  private void head(long number, byte[] b, int n) {
    if (headLines.isEmpty()) {
      headFirstLine = number;
    }
    if (headLines.size() < MAX_HEAD_LINES) {
      headLines.add(Arrays.copyOf(b, n));
    }
  }

  /** The lines before the first record, handed on to be joined with the previous file's tail. */
  private void headFragment() {
    beforeRecords = false;
    if (headLines.stream().allMatch(l -> new String(l, StandardCharsets.ISO_8859_1).isBlank())) {
      headLines.clear();
      return;
    }
    sink.accept(
        new TraceFragment(
            Origin.line(file, headFirstLine, null),
            node,
            null,
            key(),
            null,
            List.copyOf(headLines),
            hostIp()));
    headLines.clear();
  }

  // ------------------------------------------------------------------ the end

  TraceFile finish(List<FileProblem> problems) {
    if (beforeRecords) {
      headFragment();
    }
    if (suspended != null) {
      emit(suspended, null);
    }
    if (open != null) {
      if (Boolean.TRUE.equals(open.complete())) {
        emit(open, null);
      } else {
        sink.accept(
            new TraceFragment(
                Origin.line(file, open.line, open.time),
                node,
                open.local,
                key(),
                open,
                List.of(),
                hostIp()));
      }
    }
    problems.addAll(notes.finish());
    if (interleaved > 0) {
      problems.add(
          FileProblem.of(
              "file-trace-sip-interleaved",
              interleaved
                  + (interleaved == 1 ? " SIP message was" : " SIP messages were")
                  + " broken into by other lines (first at line "
                  + firstInterleavedLine
                  + ") and joined back",
              interleaved,
              firstInterleavedLine));
    }
    TraceFile f =
        new TraceFile(
            Origin.line(file, 1, first == null ? null : clock.instant(first)),
            node,
            header == null ? null : header.appName(),
            header == null ? -1 : header.appId(),
            format == null ? TraceFile.Format.SDL : format,
            hostIp(),
            clock.zone(),
            clock.dating(),
            first,
            last,
            records,
            counts.getOrDefault("sip", 0L),
            counts.getOrDefault("sccp", 0L),
            counts.getOrDefault("alarms", 0L),
            sdlName == null ? -1 : sdlName.sequence(),
            header == null ? -1 : header.fileNumber());
    sink.accept(f);
    return f;
  }

  private void emit(SipBlock b, String joinedFrom) {
    if (b.isEmpty()) {
      return;
    }
    TraceSip r = sipRecords.toRecord(file, node, hostIp(), b, joinedFrom, false);
    if (r == null) {
      count("sip-unreadable");
      notes.add(
          b.line,
          "trace-sip-unreadable",
          FileProblem.of(
              "file-trace-sip-unreadable",
              "line " + b.line + ": the SIP message after it does not start with a SIP start line",
              b.line));
      return;
    }
    if (!r.message().isRegister()) {
      count("sip-other");
      return;
    }
    count("sip");
    sink.accept(r);
  }

  // ------------------------------------------------------------------ what the file is

  private String nodeName() {
    if (header != null && header.hostName() != null) {
      return header.hostName();
    }
    String folder = TraceNames.nodeFolder(file);
    if (folder != null) {
      return folder;
    }
    if (sdlName != null) {
      return "node " + sdlName.nodeId();
    }
    if (header != null && header.nodeId() >= 0) {
      return "node " + header.nodeId();
    }
    return "unnamed node";
  }

  private String hostIp() {
    return header == null ? null : header.hostIp();
  }

  private TraceFragment.Key key() {
    int app = sdlName != null ? sdlName.appId() : header == null ? -1 : header.appId();
    long seq = sdlName != null ? sdlName.sequence() : -1;
    return new TraceFragment.Key(node, app, seq);
  }

  private void count(String key) {
    counts.merge(key, 1L, Long::sum);
  }

  Map<String, Long> counts() {
    return counts;
  }

  long lines() {
    return lines;
  }

  long records() {
    return records;
  }

  long broken() {
    return broken;
  }

  FileHeader header() {
    return header;
  }

  String node() {
    return node;
  }

  /** Time of the first record in UTC, null when none. */
  Instant firstInstant() {
    return first == null ? null : clock.instant(first);
  }
}
