package dev.regdoc.logs;

import dev.regdoc.common.CappedLineReader;
import dev.regdoc.common.PhysicalLine;
import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.CucmAlarm;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.NetworkLog;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.TextReader;
import dev.regdoc.facts.TextSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a syslog text file as a syslog server writes it, mixing CUCM alarms, Cisco IOS switch
 * messages and Cisco ASA messages, into {@link CucmAlarm}, {@link NetworkLog} and {@link Anomaly}
 * facts.
 *
 * <p>Parsing anchors on the Cisco "%FAC-SEV-MNEMONIC:" tag, whatever the relay put in front of it
 * (RFC 3164 or 5424 headers, sequence numbers, host names); the message's own time is the last
 * timestamp before the tag. Wrapped records are joined first (see {@link RecordJoiner}). Relay
 * notices ("last message repeated 3 times") count as recognised but produce no fact.
 */
public final class SyslogReader implements TextReader {

  /**
   * Longest record kept; longer lines are cut (and reported) so one huge line cannot exhaust
   * memory.
   */
  public static final int MAX_RECORD_CHARS = 64 * 1024;

  private static final int QUOTE_CHARS = 120;
  private static final Pattern PRI = Pattern.compile("^\\s*<\\d{1,3}>");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");

  private final Clock clock;

  public SyslogReader() {
    this(Clock.systemUTC());
  }

  /**
   * @param clock reference "now": the year of lines that carry none is the one not in the future
   */
  public SyslogReader(Clock clock) {
    this.clock = clock;
  }

  @Override
  public TextSummary read(String file, BufferedReader in, FactSink sink) throws IOException {
    return new Run(file, sink, new SyslogTimes(clock)).readAll(in);
  }

  /** The state of reading one file. */
  private static final class Run {
    private final String file;
    private final FactSink sink;
    private final SyslogTimes times;
    private final RecordJoiner joiner;
    private final ContentProblems problems;
    private final Set<String> timeAnomaliesSeen = new HashSet<>();
    private long lines;
    private long recognised;
    private long unrecognised;

    Run(String file, FactSink sink, SyslogTimes times) {
      this.file = file;
      this.sink = sink;
      this.times = times;
      this.joiner = new RecordJoiner(times, MAX_RECORD_CHARS);
      this.problems = new ContentProblems(file, sink);
    }

    TextSummary readAll(BufferedReader in) throws IOException {
      CappedLineReader reader = new CappedLineReader(in, MAX_RECORD_CHARS);
      LogRecord current = null;
      for (PhysicalLine line = reader.next(); line != null; line = reader.next()) {
        lines++;
        if (line.truncated()) {
          problems.lineTooLong(line);
        }
        LineContent content = LineContent.of(line.text());
        problems.note(line.number(), content);
        if (content.skipped() || line.isBlank()) {
          handle(current);
          current = null;
          continue;
        }
        String separator = current == null ? null : joiner.separatorFor(current, line.text());
        if (separator != null) {
          current.append(line.text(), separator);
        } else {
          handle(current);
          current = new LogRecord(line);
        }
      }
      handle(current);
      return new TextSummary(lines, recognised, unrecognised, problems.finish());
    }

    private void handle(LogRecord record) {
      if (record == null) {
        return;
      }
      String text = record.text();
      if (RelayNotice.matches(text)) {
        recognised++; // the relay speaking about itself: understood, nothing to report
        return;
      }
      CiscoTag tag = CiscoTag.find(text);
      if (tag != null) {
        emitTagged(record, tag);
        return;
      }
      CucmFormats.OldFormatAlarm old =
          CucmFormats.isWindowsEventStart(record.lines().get(0))
              ? CucmFormats.parseWindowsEvent(record.lines())
              : CucmFormats.parseRtmt(text);
      if (old != null) {
        emitOldFormat(record, old);
        return;
      }
      unrecognised++;
      sink.accept(
          new Anomaly(
              Origin.line(file, record.firstLine(), null),
              "syslog-unrecognised-line",
              "not a message regdoc knows: \"" + quote(text) + "\""));
    }

    private void emitTagged(LogRecord record, CiscoTag tag) {
      String text = record.text();
      Header header = header(text.substring(0, tag.start()), record.firstLine());
      Origin origin = Origin.line(file, record.firstLine(), header.instant());
      String message = text.substring(tag.end()).strip();
      switch (tag.source()) {
        case CUCM -> {
          CucmFormats.Body body = CucmFormats.parseKeyValueBody(message);
          sink.accept(
              new CucmAlarm(
                  origin,
                  header.time(),
                  header.rawTime(),
                  header.host(),
                  tag.facility(),
                  tag.severity(),
                  tag.mnemonic(),
                  frozen(body.fields()),
                  body.text()));
        }
        case ASA ->
            sink.accept(
                new NetworkLog(
                    origin,
                    header.time(),
                    header.rawTime(),
                    header.host(),
                    "ASA",
                    tag.facility(),
                    tag.severity(),
                    tag.mnemonic(),
                    message,
                    frozen(AsaFields.extract(tag.mnemonic(), message))));
        case IOS ->
            sink.accept(
                new NetworkLog(
                    origin,
                    header.time(),
                    header.rawTime(),
                    header.host(),
                    "IOS",
                    tag.facility(),
                    tag.severity(),
                    tag.mnemonic(),
                    message,
                    frozen(IosFields.extract(tag, message, header.unsynchronised()))));
      }
      recognised++;
    }

    private void emitOldFormat(LogRecord record, CucmFormats.OldFormatAlarm old) {
      Header header =
          old.prefix().isBlank() ? Header.NONE : header(old.prefix(), record.firstLine());
      boolean rtmt = !CucmFormats.isWindowsEventStart(record.lines().get(0));
      sink.accept(
          new CucmAlarm(
              Origin.line(file, record.firstLine(), header.instant()),
              header.time(),
              header.rawTime(),
              header.host(),
              rtmt ? "CCM" : null,
              old.severity(),
              old.name(),
              frozen(old.body().fields()),
              old.body().text()));
      recognised++;
    }

    /**
     * Time and host from the text before the tag, noting (once per file) what had to be assumed.
     */
    private Header header(String prefix, long line) {
      FoundTime t = times.lastIn(prefix);
      if (t == null) {
        String uptime = times.uptimeAtEnd(prefix);
        if (uptime != null) {
          onceForFile(
              "syslog-time-uptime-only",
              line,
              "messages are stamped with device uptime ("
                  + uptime
                  + "), not a date; their time is unknown");
        }
        return new Header(null, uptime, hostAfterFirstTimestamp(prefix), false);
      }
      if (t.zoneWritten() == null) {
        onceForFile(
            "syslog-time-without-zone",
            line,
            "times without a zone (first: \"" + t.raw().strip() + "\") were read as UTC");
      } else if (!t.zoneKnown()) {
        onceForFile(
            "syslog-time-unknown-zone:" + t.zoneWritten().toUpperCase(Locale.ROOT),
            line,
            "time zone \""
                + t.zoneWritten()
                + "\" is unknown (first: \""
                + t.raw().strip()
                + "\"); read as UTC");
      }
      String host = hostBefore(prefix, t);
      return new Header(
          t.time(),
          t.raw().strip(),
          host != null ? host : hostAfterFirstTimestamp(prefix),
          t.unsynchronised());
    }

    private void onceForFile(String key, long line, String detail) {
      if (timeAnomaliesSeen.add(key)) {
        String code = key.contains(":") ? key.substring(0, key.indexOf(':')) : key;
        sink.accept(new Anomaly(Origin.line(file, line, null), code, detail));
      }
    }

    /**
     * "host Mmm dd yyyy ..." (CUCM) or "host: seq: time:" (IOS): the nearest token before the time
     * that is not a sequence number.
     */
    private static String hostBefore(String prefix, FoundTime t) {
      String[] tokens = prefix.substring(0, t.start()).strip().split("\\s+");
      for (int i = tokens.length - 1; i >= 0; i--) {
        if (!tokens[i].matches("\\d+:?")) {
          return hostOrNull(tokens[i]);
        }
      }
      return null;
    }

    /** "<PRI>Mmm dd hh:mm:ss host ..." (relay header): the token right after the first time. */
    private String hostAfterFirstTimestamp(String prefix) {
      FoundTime first = times.firstIn(prefix);
      if (first == null && !PRI.matcher(prefix).lookingAt()) {
        return null; // no relay header: whatever starts the line is not known to be a host
      }
      String after =
          (first == null ? PRI.matcher(prefix).replaceFirst("") : prefix.substring(first.end()))
              .strip();
      int space = after.indexOf(' ');
      return hostOrNull(space < 0 ? after : after.substring(0, space));
    }

    private static String hostOrNull(String token) {
      String t = token.endsWith(":") ? token.substring(0, token.length() - 1) : token;
      return HOST.matcher(t).matches() && !t.chars().allMatch(Character::isDigit) ? t : null;
    }
  }

  private record Header(OffsetDateTime time, String rawTime, String host, boolean unsynchronised) {
    static final Header NONE = new Header(null, null, null, false);

    Instant instant() {
      return time == null ? null : time.toInstant();
    }
  }

  private static Map<String, String> frozen(Map<String, String> fields) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  private static String quote(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= QUOTE_CHARS
        ? oneLine
        : oneLine.substring(0, QUOTE_CHARS - 3) + "...";
  }
}
