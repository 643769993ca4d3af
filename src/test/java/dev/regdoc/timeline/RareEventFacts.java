package dev.regdoc.timeline;

import dev.regdoc.facts.ArpBinding;
import dev.regdoc.facts.ArpPacket;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.IcmpUnreachable;
import dev.regdoc.facts.InputKind;
import dev.regdoc.facts.NetworkLog;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TraceSignal;
import dev.regdoc.facts.Transport;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Facts for the event kinds no recorded fixture holds (SCCP unregistration, reset, alarms and call
 * control, SIP call control, ICMP unreachables, ARP binding changes, switch messages, messages seen
 * in one of two captures only), so that their JSON is pinned too.
 */
final class RareEventFacts {
  static final String PHONE = "192.0.2.45";
  static final String CUCM = "198.51.100.10";
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Endpoints UP = new Endpoints(PHONE, 49152, CUCM, 2000);
  private static final Endpoints DOWN = UP.reversed();

  private final FactCollector facts = new FactCollector();

  private RareEventFacts() {}

  static FactCollector collect() {
    RareEventFacts f = new RareEventFacts();
    f.sccp();
    f.sip();
    f.addresses();
    f.twoCaptures();
    f.traceSignal();
    return f.facts;
  }

  static List<FileReport> reports() {
    return List.of(capture("a.pcap"), capture("b.pcap"), capture("sip.pcap"));
  }

  private static FileReport capture(String name) {
    return new FileReport(name, InputKind.PCAP, "pcap", true, Map.of("frames", 10L), List.of());
  }

  private void sccp() {
    sccp("a.pcap", 1, 0, UP, 0x0001, "RegisterReq", "SEP0024142DDF24", 0, null, 100);
    sccp("a.pcap", 2, 1, DOWN, 0x0081, "RegisterAck", null, -1, null, 500);
    sccp("a.pcap", 3, 2, UP, 0x0000, "KeepAliveReq", null, -1, null, 112);
    sccp("a.pcap", 4, 3, DOWN, 0x0100, "KeepAliveAck", null, -1, null, 540);
    sccp("a.pcap", 5, 4, UP, 0x0000, "KeepAliveReq", null, -1, null, 124);
    sccp("a.pcap", 6, 5, UP, 0x0000, "KeepAliveReq", null, -1, null, 136);
    sccp("a.pcap", 7, 6, DOWN, 0x0100, "KeepAliveAck", null, -1, null, 552);
    String xml =
        "<String name=\"ReasonForOutOfService\">8</String>"
            + "<String name=\"LastProtocolEventSent\">1:Register</String>"
            + "<String name=\"LastProtocolEventReceived\"></String>";
    sccp("a.pcap", 8, 7, UP, 0x015A, "EnhancedAlarm", null, 2, xml, 148);
    sccp("a.pcap", 9, 8, UP, 0x0020, "Alarm", null, 1, "plain alarm text", 300);
    sccp("a.pcap", 10, 9, UP, 0x0027, "UnregisterReq", null, 0, null, 400);
    sccp("a.pcap", 11, 10, DOWN, 0x0118, "UnregisterAck", null, 0, null, 600);
    sccp("a.pcap", 12, 11, DOWN, 0x009F, "Reset", null, 2, null, 620);
    sccp("a.pcap", 13, 12, DOWN, 0x0111, "CallState", null, -1, null, 640);
  }

  private void sccp(
      String file,
      long frame,
      double second,
      Endpoints e,
      int id,
      String name,
      String device,
      int code,
      String text,
      long seq) {
    Origin o = Origin.frame(file, frame, T0.plusMillis((long) (second * 1000)));
    int interval = id == 0x0081 ? 30 : 0;
    facts.accept(
        new SccpMessage(
            o,
            frame,
            e,
            id,
            name,
            device,
            device == null ? null : PHONE,
            interval,
            interval * 2,
            code,
            text,
            seq,
            12));
  }

  private void sip() {
    Endpoints up = new Endpoints(PHONE, 5060, "198.51.100.11", 5060);
    facts.accept(sipMessage(20, up, true, "INVITE", 0, null));
    facts.accept(sipMessage(21, up.reversed(), false, null, 180, "Ringing"));
  }

  private static SipMessage sipMessage(
      long frame, Endpoints e, boolean request, String method, int status, String phrase) {
    return new SipMessage(
        Origin.frame("sip.pcap", frame, T0.plusSeconds(frame)),
        frame,
        Transport.UDP,
        e,
        request,
        method,
        status,
        phrase,
        request ? "sip:100@198.51.100.11" : null,
        "call-1",
        1,
        "INVITE",
        null, // Via branch
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        null,
        -1,
        300,
        List.of());
  }

  private void addresses() {
    Instant t = T0.plusSeconds(30);
    facts.accept(
        new IcmpUnreachable(Origin.frame("a.pcap", 14, t), "192.0.2.1", PHONE, 3, "UDP", UP));
    facts.accept(
        new IcmpUnreachable(Origin.frame("a.pcap", 15, t), "192.0.2.1", PHONE, 1, "UDP", null));
    facts.accept(
        new ArpPacket(
            Origin.frame("a.pcap", 16, t),
            true,
            "00:24:14:2d:df:24",
            PHONE,
            "00:11:22:33:44:55",
            "192.0.2.1",
            "00:24:14:2d:df:24",
            false));
    facts.accept(
        new NetworkLog(
            Origin.line("switch.log", 1, t),
            null,
            "Mar  1 10:00:30",
            "access-sw1",
            "IOS",
            "PORT_SECURITY",
            2,
            "PSECURE_VIOLATION",
            "Security violation occurred, caused by MAC address 0024.142d.df24 on port Gi1/0/3.",
            Map.of("mac", "00:24:14:2d:df:24")));
    facts.accept(
        new ArpBinding(
            Origin.frame("a.pcap", 17, t), PHONE, "00:24:14:2d:df:25", "00:24:14:2d:df:24", false));
  }

  /** A CallManager trace's timer for a SIP phone whose refresh did not come. */
  private void traceSignal() {
    Instant t = T0.plusSeconds(130);
    facts.accept(
        new TraceSignal(
            Origin.line("SDL001_100_000123.txt.gz", 48211, t),
            "cucm-pub",
            LocalDateTime.ofInstant(t, ZoneOffset.ofHours(-5)),
            "SIPStationDPrimaryLineTimeout",
            "SIPStationD(1,100,72,15)",
            "SIPStationD(1,100,72,15)",
            "SEP0024142DDF24",
            PHONE,
            false));
  }

  /** b.pcap shares two keepalives with a.pcap, lacks one from each side's view and adds one. */
  private void twoCaptures() {
    Instant shift = T0.plusSeconds(5);
    for (long[] k : new long[][] {{1, 2, 112}, {2, 4, 124}, {3, 7, 700}}) {
      facts.accept(
          new SccpMessage(
              Origin.frame("b.pcap", k[0], shift.plusSeconds(k[1])),
              k[0],
              UP,
              0x0000,
              "KeepAliveReq",
              null,
              null,
              0,
              0,
              -1,
              null,
              k[2],
              12));
    }
  }
}
