package dev.regdoc.logs;

import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.Origin;
import dev.regdoc.ingest.TextReader;
import dev.regdoc.ingest.TextSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syslog text that may mix CUCM alarms, IOS and ASA messages, as a syslog server or RTMT collects
 * them. Lines wrapped over several physical lines (as in copies pasted from documents) are joined
 * into one record first; every record becomes a fact, or an anomaly when nothing matches it.
 */
public final class SyslogReader implements TextReader {
  private static final int MAX_WRAPPED_LINE = 4096;
  private static final Pattern PRI = Pattern.compile("^\\s*<\\d{1,3}>");
  private static final Pattern IOS_SEQ = Pattern.compile("^\\d+: ");
  private static final Pattern REPEATED = Pattern.compile("last message repeated \\d+ times?");
  private static final Pattern WINDOWS_HEAD = Pattern.compile("^(Error|Warning|Information|Informational):\\s*Device");
  private static final Pattern HOST_AFTER_TIME = Pattern.compile("^\\s*:?\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*:?\\s*$");

  private final Times times;

  public SyslogReader() {
    this(Clock.systemUTC());
  }

  public SyslogReader(Clock clock) {
    this.times = new Times(clock);
  }

  @Override
  public TextSummary read(String file, BufferedReader in, FactSink sink) throws IOException {
    return new Run(file, sink).read(new LineSource(in));
  }

  /** One pass over one file. */
  private final class Run {
    private final String file;
    private final FactSink sink;
    private final List<String> problems = new ArrayList<>();
    private final StringBuilder record = new StringBuilder();
    private long recordLine;
    private boolean windowsBlock;
    private long recognised;
    private long unrecognised;
    private boolean zoneMissingReported;
    private long binaryFrom = -1;
    private long binaryLines;

    Run(String file, FactSink sink) {
      this.file = file;
      this.sink = sink;
    }

    TextSummary read(LineSource lines) throws IOException {
      String line;
      while ((line = lines.next()) != null) {
        if (lines.wasTruncated()) {
          problems.add(file + ": line " + lines.number() + " is longer than " + LineSource.MAX_LINE / 1024
              + " KiB; only its beginning was read");
        }
        if (LineSource.looksBinary(line)) {
          binary(lines.number());
          continue;
        }
        endBinary(lines.number() - 1);
        accept(line, lines.number());
      }
      endBinary(lines.number());
      flush();
      return new TextSummary(lines.number(), recognised, unrecognised, List.copyOf(problems));
    }

    private void accept(String line, long number) {
      if (line.isBlank()) {
        flush();
        return;
      }
      if (startsRecord(line)) {
        flush();
        recordLine = number;
        windowsBlock = WINDOWS_HEAD.matcher(line.trim()).find();
        record.append(line.trim());
        return;
      }
      if (record.length() == 0) {
        recordLine = number;
        record.append(line.trim());
        return;
      }
      record.append(joiner()).append(windowsBlock ? line.trim() : line.strip());
    }

    /** A new record starts with a syslog header, a time, an IOS sequence number, a tag or a known prefix. */
    private boolean startsRecord(String line) {
      String t = line.stripLeading();
      if (t.length() > MAX_WRAPPED_LINE) {
        return true; // wrapped copies cut lines short; a very long line is a record of its own
      }
      if (PRI.matcher(t).find() || IOS_SEQ.matcher(t).find() || t.startsWith("CCM|") || WINDOWS_HEAD.matcher(t).find()) {
        return true;
      }
      if (Times.NO_YEAR.matcher(t).lookingAt() || Times.ISO.matcher(t).lookingAt()) {
        return true;
      }
      Matcher y = Times.WITH_YEAR.matcher(t);
      if (y.find() && y.start() < 120) {
        return true;
      }
      boolean tagged = CucmAlarms.TAG.matcher(t).find() || NetworkMessages.IOS_TAG.matcher(t).find()
          || NetworkMessages.ASA_TAG.matcher(t).find();
      return tagged && !awaitingTag();
    }

    /** The current record is a header that ended before its tag (wrapped right after "UTC :"). */
    private boolean awaitingTag() {
      String r = record.toString();
      return r.length() > 0 && !CucmAlarms.TAG.matcher(r).find() && !NetworkMessages.IOS_TAG.matcher(r).find()
          && r.stripTrailing().endsWith(":");
    }

    /** Inside an open [key=value] the wrap cut a value: join without a space. */
    private String joiner() {
      if (windowsBlock) {
        return "\n";
      }
      long open = record.chars().filter(c -> c == '[').count();
      long close = record.chars().filter(c -> c == ']').count();
      return open > close ? "" : " ";
    }

    private void flush() {
      if (record.length() == 0) {
        return;
      }
      String r = record.toString();
      record.setLength(0);
      Origin unknownTime = Origin.line(file, recordLine, null);
      if (parse(r, unknownTime)) {
        recognised++;
      } else {
        unrecognised++;
        sink.accept(new Anomaly(unknownTime, "syslog-unrecognised-line",
            "not a CUCM, IOS or ASA message: \"" + (r.length() > 120 ? r.substring(0, 120) + "..." : r) + "\""));
      }
    }

    private boolean parse(String r, Origin at) {
      Matcher cucm = CucmAlarms.TAG.matcher(r);
      if (cucm.find()) {
        Times.Stamp s = stamp(r, cucm.start());
        sink.accept(CucmAlarms.tagged(r, cucm, origin(s), s));
        return true;
      }
      var old = r.startsWith("CCM|") ? CucmAlarms.oldRtmt(r, at) : CucmAlarms.windows(r, at);
      if (old != null) {
        sink.accept(old);
        return true;
      }
      Matcher asa = NetworkMessages.ASA_TAG.matcher(r);
      if (asa.find()) {
        Times.Stamp s = stamp(r, asa.start());
        sink.accept(NetworkMessages.asa(r, asa, origin(s), s, host(r, s, asa.start())));
        return true;
      }
      Matcher ios = NetworkMessages.IOS_TAG.matcher(r);
      if (ios.find()) {
        Times.Stamp s = stamp(r, ios.start());
        sink.accept(NetworkMessages.ios(r, ios, origin(s), s, host(r, s, ios.start())));
        return true;
      }
      return REPEATED.matcher(r).find();
    }

    /** The message's own time: the body's dated stamp if any, else ISO, else a header time. */
    private Times.Stamp stamp(String r, int tagStart) {
      String head = r.substring(0, tagStart);
      Times.Stamp s = times.withYear(head);
      if (s == null) {
        s = times.iso(head);
      }
      if (s == null) {
        String noPri = head.replaceFirst("^\\s*<\\d{1,3}>\\s*(\\d+:\\s*)?", "").replaceFirst("^\\d+:\\s*", "");
        s = times.noYear(noPri, 0);
      }
      if (s != null && !s.zoneKnown() && !zoneMissingReported) {
        zoneMissingReported = true;
        sink.accept(new Anomaly(Origin.line(file, recordLine, s.time().toInstant()), "syslog-time-without-zone",
            "times in this file carry no time zone; UTC was assumed (first at line " + recordLine + ")"));
      }
      return s;
    }

    private String host(String r, Times.Stamp s, int tagStart) {
      if (s == null) {
        return null;
      }
      int from = r.indexOf(s.raw());
      if (from < 0 || from + s.raw().length() > tagStart) {
        return null;
      }
      Matcher m = HOST_AFTER_TIME.matcher(r.substring(from + s.raw().length(), tagStart));
      return m.matches() && !m.group(1).matches("\\d+") ? m.group(1) : null;
    }

    private Origin origin(Times.Stamp s) {
      return Origin.line(file, recordLine, s == null ? null : s.time().toInstant());
    }

    private void binary(long number) {
      flush();
      if (binaryFrom < 0) {
        binaryFrom = number;
      }
      binaryLines++;
    }

    private void endBinary(long lastNumber) {
      if (binaryFrom < 0) {
        return;
      }
      problems.add(file + ": " + (binaryFrom == lastNumber ? "line " + binaryFrom : "lines " + binaryFrom + "-" + lastNumber)
          + " look like binary data (NUL or control bytes); skipped");
      binaryFrom = -1;
    }
  }
}
