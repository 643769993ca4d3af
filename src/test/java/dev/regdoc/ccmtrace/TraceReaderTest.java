package dev.regdoc.ccmtrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regdoc.bench.SdlTraceWriter;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TraceAlarm;
import dev.regdoc.facts.TraceDirection;
import dev.regdoc.facts.TraceFile;
import dev.regdoc.facts.TraceSccp;
import dev.regdoc.facts.TraceSignal;
import dev.regdoc.facts.TraceSip;
import dev.regdoc.facts.Transport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trace line format as CUCM writes it, read into typed records. */
class TraceReaderTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
  static final String SDL_NAME = "rtmt.zip!/cucm-pub/cm/trace/ccm/sdl/SDL001_100_000123.txt.gz";

  final FactCollector facts = new FactCollector();

  TraceSummary read(String name, String text) throws IOException {
    TraceSession session = new TraceSession(facts);
    TraceSummary s =
        new TraceReader(CLOCK).read(name, new BufferedReader(new StringReader(text)), session);
    session.finish();
    return s;
  }

  @Test
  void aRegisterAndItsAnswerBecomeRecordsWithEveryField() throws IOException {
    // GIVEN a FileHead in UTC-05:00 and a REGISTER CUCM received with its 200 OK
    String text =
        new TraceText()
            .head(LocalDateTime.of(2024, 8, 11, 21, 53, 46, 259_000_000))
            .timer(LocalTime.of(21, 53, 47))
            .register(LocalTime.of(21, 53, 48, 100_000_000), 101, 3600, false)
            .ok(LocalTime.of(21, 53, 48, 215_000_000), 101, 120)
            .timer(LocalTime.of(21, 53, 49))
            .toString();
    // WHEN read
    TraceSummary s = read(SDL_NAME, text);
    // THEN two records, in UTC, with direction, connection, identity and registration fields
    List<TraceSip> sip = facts.of(TraceSip.class);
    assertThat(sip)
        .extracting(
            TraceSip::direction,
            TraceSip::remoteIp,
            TraceSip::remotePort,
            TraceSip::connectionIndex,
            TraceSip::messageNumber,
            r -> r.origin().line(),
            TraceSip::time)
        .containsExactly(
            tuple(
                TraceDirection.INCOMING,
                "192.0.2.45",
                50708,
                12386L,
                101339L,
                4L,
                Instant.parse("2024-08-12T02:53:48.100Z")),
            tuple(
                TraceDirection.OUTGOING,
                "192.0.2.45",
                50708,
                12386L,
                101340L,
                18L,
                Instant.parse("2024-08-12T02:53:48.215Z")));
    SipMessage req = sip.get(0).message();
    assertThat(req.method()).isEqualTo("REGISTER");
    assertThat(req.callId()).isEqualTo(TraceText.CALL_ID);
    assertThat(req.cseq()).isEqualTo(101);
    assertThat(req.viaBranch()).isEqualTo("z9hG4bK1101");
    assertThat(req.expiresHeader()).isEqualTo(3600);
    assertThat(req.deviceName()).isEqualTo("SEP0024142DDF24");
    assertThat(req.endpoints().toString()).isEqualTo("192.0.2.45:50708 > 198.51.100.10:5060");
    assertThat(req.origin().cite()).isEqualTo(SDL_NAME + ":4");
    SipMessage ok = sip.get(1).message();
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.cseqMethod()).isEqualTo("REGISTER");
    assertThat(ok.expiresHeader()).isEqualTo(120);
    assertThat(sip.get(0).declaredBytes()).isEqualTo(TraceText.register(101, 3600, false).length());
    assertThat(sip).allSatisfy(r -> assertThat(r.incomplete()).isFalse());
    assertThat(sip).extracting(TraceSip::node).containsOnly("cucm-pub");
    assertThat(sip.get(0).localTime())
        .isEqualTo(LocalDateTime.of(2024, 8, 11, 21, 53, 48, 100_000_000));
    // and the file as a whole
    TraceFile f = facts.of(TraceFile.class).get(0);
    assertThat(f.dating()).isEqualTo(TraceFile.Dating.HEADER);
    assertThat(f.zone()).isEqualTo(ZoneOffset.ofHours(-5));
    assertThat(f.nameSequence()).isEqualTo(123);
    assertThat(f.fileNumber()).isEqualTo(1262);
    assertThat(f.hostIp()).isEqualTo("198.51.100.10");
    assertThat(f.sipMessages()).isEqualTo(2);
    assertThat(s.problems()).isEmpty();
    assertThat(s.description())
        .isEqualTo(
            "a Cisco CallManager SDL trace (node cucm-pub, 2024-08-11 21:53:46.259 to"
                + " 2024-08-11 21:53:49.000 UTC-05:00)");
  }

  @Test
  void udpLeadsTheOlderTcpPrefixAndOtherMethodsAreReadButOnlyRegistrationIsKept()
      throws IOException {
    SdlTraceWriter.Node node = TraceText.PUB;
    StringBuilder out = new StringBuilder();
    SdlTraceWriter w = new SdlTraceWriter(out, 1, 7);
    LocalTime t = LocalTime.of(9, 0);
    w.fileHead(node, LocalDateTime.of(2024, 8, 12, 9, 0), 5);
    w.signal(t, "SdlDataInd", "wait", "SIPUdp(1,100,61,1)", "SdlUDP(1,100,59,1)", "*");
    w.sipUdpIn(
        t, "198.51.100.143", 49193, TraceText.register(7, 3600, false).replace("TCP", "UDP"));
    w.sipUdpOut(t.plusNanos(5_000_000), "198.51.100.143", 49193, TraceText.ok(7, 120));
    w.info(
        t.plusSeconds(1),
        "//SIP/SIPTcp/wait_SdlReadRsp: Incoming SIP TCP message from 192.0.2.61 on port 57378"
            + " index 12389 with 77 bytes:");
    w.line("[9,NET]");
    w.line("NOTIFY sip:5678@192.0.2.10 SIP/2.0");
    w.line("Call-ID: n1@192.0.2.61");
    w.line("CSeq: 3 NOTIFY");
    w.line("");
    w.info(
        t.plusSeconds(2),
        "SIPTcp - wait_SdlSPISignal: Outgoing SIP TCP message to 192.0.2.61 on port 57378 index"
            + " 12389 ");
    w.line("[10,NET]");
    w.line("SIP/2.0 200 OK");
    w.line("Call-ID: n1@192.0.2.61");
    w.line("CSeq: 3 NOTIFY");
    w.line("");
    TraceSummary s = read("SDL001_100_000001.txt", out.toString());

    assertThat(facts.of(TraceSip.class))
        .extracting(
            TraceSip::transport,
            TraceSip::direction,
            TraceSip::remotePort,
            TraceSip::connectionIndex,
            r -> r.message().cseq())
        .containsExactly(
            tuple(Transport.UDP, TraceDirection.INCOMING, 49193, -1L, 7L),
            tuple(Transport.UDP, TraceDirection.OUTGOING, 49193, -1L, 7L));
    assertThat(s.counts()).containsEntry("sip", 2L).containsEntry("sip-other", 2L);
  }

  @Test
  void internalCopiesAreNotCountedTwice() throws IOException {
    TraceText t = new TraceText().head(LocalDateTime.of(2024, 8, 12, 9, 0));
    t.w.info(
        LocalTime.of(9, 0, 1),
        "//SIP/SIPNormalization/trace_sip_message: Before outbound SIP Normalization msg is:");
    t.line("[101338,INT]");
    for (String l : SdlTraceWriter.messageLines(TraceText.ok(5, 120))) {
      t.line(l);
    }
    t.ok(LocalTime.of(9, 0, 1), 5, 120);
    TraceSummary s = read("SDL001_100_000001.txt", t.toString());
    assertThat(facts.of(TraceSip.class)).singleElement();
    assertThat(s.counts()).containsEntry("sip-internal-copies", 1L);
  }

  @Test
  void theDayChangesAtMidnightButNotForLinesALittleOutOfOrder() throws IOException {
    String text =
        new TraceText()
            .head(LocalDateTime.of(2024, 8, 12, 23, 59, 58))
            .register(LocalTime.of(23, 59, 59, 990_000_000), 1, 3600, false)
            .timer(LocalTime.of(0, 0, 0, 10_000_000))
            .timer(LocalTime.of(23, 59, 59, 995_000_000)) // written late by another thread
            .ok(LocalTime.of(0, 0, 0, 20_000_000), 1, 120)
            .toString();
    read("SDL001_100_000001.txt", text);
    assertThat(facts.of(TraceSip.class))
        .extracting(TraceSip::localTime)
        .containsExactly(
            LocalDateTime.of(2024, 8, 12, 23, 59, 59, 990_000_000),
            LocalDateTime.of(2024, 8, 13, 0, 0, 0, 20_000_000));
  }

  @Test
  void sccpStationLinesOfBothLayoutsNameTheMessageTheDeviceAndTheConnection() throws IOException {
    // GIVEN SDL lines: the signal that ties StationD 5195 to the phone, its keepalive, the answer
    TraceText t = new TraceText().head(LocalDateTime.of(2024, 3, 11, 18, 0));
    LocalTime at = LocalTime.of(18, 0, 30);
    t.w.signal(
        at,
        "StationRegister",
        "restart0",
        "StationD(1,100,64,5195)",
        "StationInit(1,100,63,1)",
        SdlTraceWriter.deviceTag(1, 5195, "192.0.2.130", "SEP00245111A4C2"));
    t.w.sccpIn(at, 5195, "Register");
    t.w.sccpOut(at, 5195, "RegisterAck", "0x4fbbc30");
    t.w.sccpIn(at.plusSeconds(30), 5195, "KeepAlive");
    t.w.sccpOut(at.plusSeconds(30), 5195, "KeepAliveAck", "0x4fbbc30");
    t.w.info(at.plusSeconds(31), "StationInit: (0005195) InboundStim - OffHookMessageID");
    read("SDL001_100_000001.txt", t.toString());
    assertThat(facts.of(TraceSccp.class))
        .extracting(
            TraceSccp::direction,
            TraceSccp::messageId,
            TraceSccp::name,
            TraceSccp::deviceName,
            TraceSccp::deviceIp,
            TraceSccp::connection)
        .containsExactly(
            tuple(
                TraceDirection.INCOMING,
                0x0001,
                "RegisterReq",
                "SEP00245111A4C2",
                "192.0.2.130",
                "StationD 5195"),
            tuple(
                TraceDirection.OUTGOING,
                0x0081,
                "RegisterAck",
                "SEP00245111A4C2",
                "192.0.2.130",
                "0x4fbbc30"),
            tuple(
                TraceDirection.INCOMING,
                0x0000,
                "KeepAliveReq",
                "SEP00245111A4C2",
                "192.0.2.130",
                "StationD 5195"),
            tuple(
                TraceDirection.OUTGOING,
                0x0100,
                "KeepAliveAck",
                "SEP00245111A4C2",
                "192.0.2.130",
                "0x4fbbc30"));
    // the register signal only named the phone; its message is kept, the signal is not
    assertThat(facts.of(TraceSignal.class)).isEmpty();
  }

  @Test
  void theOlderSdiLayoutIsReadWithItsTcpHandle() throws IOException {
    String sdi =
        "16:02:57.000 CCM|StationInit - New connection accepted. DeviceName=, TCPHandle=0x4fbbc30,"
            + " Socket=0x5a4, IPAddr=192.0.2.231, Port=52095, StationD=[0,0,0]\n"
            + "16:02:57.093 CCM|StationInit - Processing StationReg. regCount: 1"
            + " DeviceName=SEP003094C26105, TCPHandle=0x4fbbc30, Socket=0x5a4, IPAddr=192.0.2.231,"
            + " Port=52095, StationD=[1,85,1]\n"
            + "16:03:06.703 CCM|StationInit - InboundStim - KeepAliveMessage - Forward KeepAlive to"
            + " StationD. DeviceName=SEP003094C26105, TCPHandle=0x4fbbc30, Socket=0x5a4,"
            + " IPAddr=192.0.2.231, Port=52095, StationD=[1,85,1]\n"
            + "16:03:06.703 CCM|StationD - stationOutputKeepAliveAck tcpHandle=0x4fbbc30\n"
            + "16:05:41.625 CCM|StationInit - InboundStim - OffHookMessageID tcpHandle=0x4fbbc30\n";
    TraceSummary s = read("ccm00000001.txt", sdi);
    assertThat(facts.of(TraceSccp.class))
        .extracting(
            TraceSccp::name, TraceSccp::deviceName, TraceSccp::devicePort, TraceSccp::connection)
        .containsExactly(
            tuple("NewConnection", null, 52095, "0x4fbbc30"),
            tuple("RegisterReq", "SEP003094C26105", 52095, "0x4fbbc30"),
            tuple("KeepAliveReq", "SEP003094C26105", 52095, "0x4fbbc30"),
            tuple("KeepAliveAck", "SEP003094C26105", 52095, "0x4fbbc30"));
    assertThat(s.file().format()).isEqualTo(TraceFile.Format.SDI);
    assertThat(s.counts()).containsEntry("sccp-other", 1L);
    // SDI files carry no header: the date is assumed, and the status says so
    assertThat(s.file().dating()).isEqualTo(TraceFile.Dating.ASSUMED);
    assertThat(s.problems()).anyMatch(p -> p.contains("read as on 2026-01-01 UTC (assumed)"));
  }

  @Test
  void anAlarmLineKeepsItsParametersAndTheProseBeforeIt() throws IOException {
    TraceText t = new TraceText().head(LocalDateTime.of(2024, 8, 12, 9, 0));
    t.w.signal(
        LocalTime.of(9, 1),
        "SIPStationDPrimaryLineTimeout",
        "registered",
        "SIPStationD(1,100,72,15)",
        "SdlTimerService(1,100,3,1)",
        SdlTraceWriter.deviceTag(1, 15, "192.0.2.45", "SEP0024142DDF24"));
    Map<String, String> p = new LinkedHashMap<>();
    p.put("DeviceName", "SEP0024142DDF24");
    p.put("IPAddress", "192.0.2.45");
    p.put("Protocol", "SIP");
    p.put("Reason", "13");
    p.put("LastSignalReceived", "SIPStationDPrimaryLineTimeout");
    p.put("NodeID", "cucm-pub");
    t.w.alarm(
        LocalTime.of(9, 1), "EndPointUnregistered", "Error", "An endpoint has unregistered", p);
    read("SDL001_100_000001.txt", t.toString());
    TraceAlarm a = facts.of(TraceAlarm.class).get(0);
    assertThat(a.alarm()).isEqualTo("EndPointUnregistered");
    assertThat(a.severity()).isEqualTo("Error");
    assertThat(a.deviceName()).isEqualTo("SEP0024142DDF24");
    assertThat(a.reason()).isEqualTo(13);
    assertThat(a.parameters()).containsEntry("LastSignalReceived", "SIPStationDPrimaryLineTimeout");
    assertThat(a.text()).isEqualTo("An endpoint has unregistered");
    assertThat(facts.of(TraceSignal.class))
        .extracting(TraceSignal::signal, TraceSignal::deviceName)
        .containsExactly(tuple("SIPStationDPrimaryLineTimeout", "SEP0024142DDF24"));
  }

  @Test
  void theNodeComesFromTheHeaderElseTheDownloadFolderElseTheFileName() {
    assertThat(
            TraceNames.nodeFolder("rtmt.zip!/cucm-sub/cm/trace/ccm/sdl/SDL002_100_000001.txt.gz"))
        .isEqualTo("cucm-sub");
    assertThat(TraceNames.nodeFolder("x.zip!/192.0.2.10/2024-08-12_10-00-00/cm/trace/ccm/sdl/a.gz"))
        .isEqualTo("192.0.2.10");
    assertThat(TraceNames.nodeFolder("dl.zip!/pub115\\cm\\trace\\ccm\\sdl\\SDL001_100_1.txt.gz"))
        .isEqualTo("pub115");
    assertThat(TraceNames.nodeFolder("SDL001_100_000001.txt")).isNull();
    assertThat(TraceNames.sdlName("a/SDL003_200_000491.txt.gzo"))
        .isEqualTo(new TraceNames.SdlName(3, 200, 491));
  }
}
