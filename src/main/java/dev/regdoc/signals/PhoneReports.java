package dev.regdoc.signals;

import dev.regdoc.facts.Protocol;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.SccpEvent;
import dev.regdoc.timeline.event.SipEvent;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a phone says itself about why it lost its last registration: SCCP's
 * LastOutOfServiceInformation alarm, or the Reason header of a SIP phone's first REGISTER.
 */
final class PhoneReports {
  private static final Pattern CISCO_ALARM = Pattern.compile("cisco-alarm:(\\d++)");

  /**
   * Looked for after the alarm in a second pass: a lazy ".*?Last=" rescans the rest from every
   * alarm.
   */
  private static final Pattern LAST_EVENT = Pattern.compile("Last=([\\w-]++)");

  private PhoneReports() {}

  static Optional<OutOfServiceReport> of(TimelineEvent e, SccpEvent.Alarm alarm) {
    String reason = alarm.field("ReasonForOutOfService");
    String sent = alarm.field("LastProtocolEventSent");
    if (reason == null && sent == null) {
      return Optional.empty();
    }
    int code = reason == null ? -1 : parseInt(reason);
    String received = alarm.field("LastProtocolEventReceived");
    String last =
        "sent " + (sent == null ? "?" : sent) + ", received " + (received == null ? "?" : received);
    return Optional.of(
        new OutOfServiceReport(
            e.device(), Protocol.SCCP, code, last, e.file(), e.frame(), e.time()));
  }

  static Optional<OutOfServiceReport> of(TimelineEvent e, SipEvent.Register register) {
    String header = register.request().reasonHeader();
    Matcher m = header == null ? null : CISCO_ALARM.matcher(header);
    if (m == null || !m.find()) {
      return Optional.empty();
    }
    Matcher last = LAST_EVENT.matcher(header).region(m.end(), header.length());
    String lastEvent = last.find() ? last.group(1) : null;
    return Optional.of(
        new OutOfServiceReport(
            e.device(),
            Protocol.SIP,
            parseInt(m.group(1)),
            lastEvent,
            e.file(),
            e.frame(),
            e.time()));
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException x) {
      return -1;
    }
  }
}
