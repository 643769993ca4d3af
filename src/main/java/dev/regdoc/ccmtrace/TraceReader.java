package dev.regdoc.ccmtrace;

import dev.regdoc.common.CappedByteLineReader;
import dev.regdoc.common.Utf8InputStream;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.FileProblem;
import dev.regdoc.facts.TraceDirection;
import dev.regdoc.facts.TraceFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one Cisco CallManager trace file (SDL, or the older SDI) line by line into trace records:
 * the registration SIP messages CUCM received and sent, SCCP station messages, registration signals
 * and alarms, then a {@link dev.regdoc.facts.TraceFile} for the file as a whole. Streams: a line is
 * held up to {@link #MAX_LINE_CHARS} bytes, a message up to {@link #MAX_MESSAGE_CHARS}, and the
 * first {@link #PRESCAN_CHARS} bytes once more while the date is looked for. Lines are judged on
 * their bytes; only the few that matter become strings.
 *
 * <p>The date and UTC offset come from the FileHead line; without one, from the GMT Date header of
 * a SIP message CUCM sent near the start; without that, they are assumed (the analysis day, UTC)
 * and the file's status says so.
 */
public final class TraceReader {
  /** Trace lines are short; SIP lines far below this. A longer line is cut and reported. */
  public static final int MAX_LINE_CHARS = 16 * 1024;

  /** CUCM refuses SIP messages over 11000 bytes (9.x and later); room for any it accepted. */
  public static final int MAX_MESSAGE_CHARS = 32 * 1024;

  /** How far the date is looked for when the file does not start with a FileHead line. */
  static final int PRESCAN_CHARS = 1 << 20;

  private static final int QUARTER_HOUR = 900;

  private final Clock clock;

  /**
   * @param clock gives the assumed date of a file that says none
   */
  public TraceReader(Clock clock) {
    this.clock = clock;
  }

  /**
   * Reads {@code in} to its end. Never throws on bad content; only I/O failures propagate.
   *
   * @param file the name to cite, as the user knows it (with the archive path)
   * @param sink a {@link TraceSession} when rotation cuts are to be joined across files
   */
  public TraceSummary read(String file, InputStream in, FactSink sink) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    Dating d = prescan(buffered);
    List<FileProblem> problems = new ArrayList<>();
    TraceClock traceClock = clock(d, problems);
    FileRun run =
        new FileRun(file, sink, traceClock, d.header, new SipRecords(), MAX_MESSAGE_CHARS);
    CappedByteLineReader lines = new CappedByteLineReader(buffered, MAX_LINE_CHARS);
    List<FileProblem> cut = new ArrayList<>();
    while (lines.next()) {
      if (lines.truncated() && cut.size() < 5) {
        cut.add(FileProblem.lineCut(lines.number(), lines.fullLength(), lines.length(), "bytes"));
      }
      run.line(lines);
    }
    TraceFile f = run.finish(problems);
    problems.addAll(cut);
    if (!f.isCallManager()) {
      problems.add(
          FileProblem.of(
              "file-trace-other-service",
              "is a trace of "
                  + f.service()
                  + " (AppId "
                  + f.appId()
                  + "), not of Cisco CallManager: phone registrations are only in CallManager's"
                  + " trace (RTMT: Trace & Log Central, Collect Files, Cisco CallManager)",
              f.service(),
              f.appId()));
    }
    if (run.records() == 0) {
      problems.add(FileProblem.of("file-trace-no-records", "holds no trace records"));
    }
    Map<String, Long> counts = new LinkedHashMap<>(run.counts());
    return new TraceSummary(f, run.lines(), run.records(), run.broken(), counts, problems);
  }

  /** As {@link #read(String, InputStream, FactSink)} for text already decoded. */
  public TraceSummary read(String file, Reader in, FactSink sink) throws IOException {
    return read(file, new Utf8InputStream(in), sink);
  }

  private TraceClock clock(Dating d, List<FileProblem> problems) {
    if (d.header != null && d.header.date() != null) {
      if (d.header.zone() != null) {
        return new TraceClock(d.header.date(), d.header.zone(), TraceFile.Dating.HEADER);
      }
      problems.add(
          FileProblem.of(
              "file-trace-no-utc-offset",
              "its FileHead line gives no UTC offset: its times were read as UTC (assumed)"));
      return new TraceClock(d.header.date(), ZoneOffset.UTC, TraceFile.Dating.ASSUMED);
    }
    if (d.sipDate != null) {
      problems.add(
          FileProblem.of(
              "file-trace-date-from-sip",
              "has no FileHead line: its date and UTC offset ("
                  + d.sipZone.getId()
                  + ") were taken from the Date header of the SIP message CUCM sent at line "
                  + d.sipDateLine,
              d.sipZone.getId(),
              d.sipDateLine));
      return new TraceClock(d.sipDate, d.sipZone, TraceFile.Dating.SIP_DATE);
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    problems.add(
        FileProblem.of(
            "file-trace-date-assumed",
            "says no date: it has no FileHead line and no SIP message CUCM sent with a Date"
                + " header near its start, so its times were read as on "
                + today
                + " UTC (assumed); their order holds, their date and zone do not",
            today.toString()));
    return new TraceClock(today, ZoneOffset.UTC, TraceFile.Dating.ASSUMED);
  }

  /** What the start of the file says about its date. */
  private static final class Dating {
    FileHeader header;
    LocalDate sipDate;
    ZoneOffset sipZone;
    long sipDateLine;
  }

  /**
   * Looks through the first {@link #PRESCAN_CHARS} bytes for a FileHead line or, failing that, the
   * Date header of a SIP message CUCM sent; then rewinds.
   */
  private static Dating prescan(BufferedInputStream in) throws IOException {
    Dating d = new Dating();
    in.mark(PRESCAN_CHARS);
    CappedByteLineReader r = new CappedByteLineReader(limited(in, PRESCAN_CHARS), MAX_LINE_CHARS);
    TraceLine t = new TraceLine();
    TraceClock days = new TraceClock(LocalDate.EPOCH, ZoneOffset.UTC, TraceFile.Dating.ASSUMED);
    int millis = -1;
    long leadLine = 0;
    boolean outgoing = false;
    while (r.next()) {
      TraceLine.Kind k = t.parse(r.bytes(), r.length());
      if (k == TraceLine.Kind.SDL || k == TraceLine.Kind.SDI) {
        if (TraceLine.Types.FILE_HEAD.equals(t.type)) {
          d.header = FileHeader.parse(t.payload());
          break;
        }
        millis = t.millis;
        days.at(millis);
        SipLead lead =
            TraceLine.Types.APP_INFO.equals(t.type) && t.payloadContains("going SIP ")
                ? SipLead.parse(t.payload())
                : null;
        outgoing = lead != null && lead.direction() == TraceDirection.OUTGOING;
        leadLine = r.number();
      } else if (outgoing && TraceBytes.startsWithIgnoreCase(r.bytes(), r.length(), "date:")) {
        if (fromSipDate(d, r.text().substring(5).trim(), millis, days)) {
          d.sipDateLine = leadLine;
          break;
        }
      }
    }
    in.reset();
    return d;
  }

  /**
   * The local date and offset from a GMT Date header written at {@code millis} local time: the
   * offset is the difference rounded to a quarter hour.
   */
  private static boolean fromSipDate(Dating d, String value, int millis, TraceClock days) {
    if (millis < 0) {
      return false;
    }
    ZonedDateTime gmt;
    try {
      gmt = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
    } catch (DateTimeException e) {
      return false;
    }
    int gmtSeconds = gmt.toLocalTime().toSecondOfDay();
    int diff = Math.floorMod(millis / 1000 - gmtSeconds, 86400);
    if (diff > 14 * 3600) {
      diff -= 86400;
    }
    int offset = Math.round(diff / (float) QUARTER_HOUR) * QUARTER_HOUR;
    if (offset < -12 * 3600 || offset > 14 * 3600) {
      return false;
    }
    d.sipZone = ZoneOffset.ofTotalSeconds(offset);
    LocalDate local = gmt.toLocalDateTime().plusSeconds(offset).toLocalDate();
    long daysBefore = days.at(millis).toLocalDate().toEpochDay();
    d.sipDate = local.minusDays(daysBefore);
    return true;
  }

  /** {@code in} seen only up to {@code max} bytes, so a reset to its mark stays possible. */
  private static InputStream limited(InputStream in, int max) {
    return new InputStream() {
      private int left = max;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        left--;
        return in.read();
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int n = in.read(buf, off, Math.min(len, left));
        if (n > 0) {
          left -= n;
        }
        return n;
      }
    };
  }
}
