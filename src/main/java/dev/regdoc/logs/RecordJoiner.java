package dev.regdoc.logs;

import java.util.regex.Pattern;

/**
 * Decides whether a physical line continues the record before it. Text copied from documents, mails
 * and the RTMT viewer wraps long CUCM alarms (the source document has "[Description=\nPhone]",
 * "[AppID=Ci\nsco CallManager]" and a break after the tag), so lines are joined before matching.
 *
 * <p>The rule: a line that has its own header (PRI, a leading timestamp, a %TAG, an RTMT or Windows
 * event start, a relay notice) always starts a record. Any other line continues the current record
 * only when that record is visibly unfinished: a header still waiting for its %TAG, a tag with no
 * body yet, a CUCM [k=v] list with an open '[', or a list ending in ']' followed by a line starting
 * with '['. A Windows event record takes following "Label: value" lines. Everything else is a
 * record of its own.
 *
 * <p>Joining: inside an open '[' the line break is simply deleted (nothing inserted, nothing
 * trimmed), because wrapping cut the value in place: "Ci"+"sco" = "Cisco", ""+"Phone" = "Phone"
 * (values are trimmed of surrounding blanks when parsed). Elsewhere the break becomes one space.
 */
final class RecordJoiner {

  private static final Pattern PRI_START = Pattern.compile("^\\s*<\\d{1,3}>");
  private static final Pattern HEADER_AWAITING_TAG_END = Pattern.compile("(?::|\\s-)\\s*$");

  private final SyslogTimes times;
  private final int maxRecordChars;

  RecordJoiner(SyslogTimes times, int maxRecordChars) {
    this.times = times;
    this.maxRecordChars = maxRecordChars;
  }

  /** True when {@code line} has a header of its own and so can never be a continuation. */
  boolean startsRecord(String line) {
    return PRI_START.matcher(line).find()
        || CiscoTag.find(line) != null
        || times.startsWithTimestamp(line)
        || CucmFormats.isRtmtStart(line)
        || CucmFormats.isWindowsEventStart(line)
        || RelayNotice.matches(line);
  }

  /**
   * The separator to insert when {@code line} continues {@code record}, or null when it does not.
   * Costs the length of {@code line}, not of the record: what is asked of the record it keeps up to
   * date itself.
   */
  String separatorFor(LogRecord record, String line) {
    if (record.length() + line.length() > maxRecordChars) {
      return null;
    }
    if (record.windowsEvent()) {
      return CucmFormats.isWindowsEventLabelLine(line) && !startsRecord(line) ? "\n" : null;
    }
    CiscoTag tag = record.tag();
    if (tag == null) {
      // a record without a tag is one line until a tag joins it, so reading its text here stays
      // cheap
      return isHeaderAwaitingTag(record.text()) && CiscoTag.startsWithTag(line) ? " " : null;
    }
    if (startsRecord(line)) {
      return null;
    }
    if (!record.bodyHasText()) {
      return " ";
    }
    if (tag.source() != CiscoTag.Source.CUCM) {
      return null;
    }
    if (record.openBracket()) {
      return "";
    }
    return record.bodyEndsWith(']') && line.stripLeading().startsWith("[") ? " " : null;
  }

  private boolean isHeaderAwaitingTag(String text) {
    return HEADER_AWAITING_TAG_END.matcher(text).find()
        && times.lastIn(text) != null
        && !CucmFormats.isRtmtStart(text)
        && !CucmFormats.isWindowsEventStart(text);
  }
}
