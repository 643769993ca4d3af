package dev.regdoc.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.regdoc.capture.CaptureReader;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileReport;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.IngestService;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.timeline.event.EventKind;
import dev.regdoc.timeline.event.KeepaliveRole;
import dev.regdoc.timeline.event.RegisterOutcome;
import dev.regdoc.timeline.event.SccpEvent;
import dev.regdoc.timeline.event.SipEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The timeline of real public captures (see ../shared/data/README.md for their provenance). */
class RealCaptureTimelineTest {
  private static final Path DATA = Path.of("../shared/data/pcap");

  private static Timeline timeline(String... files) {
    assumeTrue(Files.isDirectory(DATA), "shared test data folder ../shared/data is absent");
    FactCollector facts = new FactCollector();
    List<FileReport> reports =
        new IngestService(new CaptureReader(), Map.of(), IngestLimits.defaults())
            .ingest(Arrays.stream(files).map(f -> InputFile.of(DATA.resolve(f))).toList(), facts);
    return new TimelineBuilder().build(facts, reports);
  }

  private static List<TimelineEvent> kind(Timeline t, EventKind kind) {
    return t.events().stream().filter(e -> e.kind() == kind).toList();
  }

  @Test
  void sccpRegistrationKeepaliveAndThePhonesOutOfServiceReport() {
    Timeline t = timeline("russo-collab/sccp_phone_register.pcapng");
    assertThat(t.devices()).extracting(DeviceInfo::id).containsExactly("SEP002155D548AC");
    TimelineEvent ack = kind(t, EventKind.SCCP_REGISTER_ACK).get(0);
    assertThat(ack.frame()).isEqualTo(5);
    SccpEvent.RegisterAck registerAck = (SccpEvent.RegisterAck) ack.details();
    assertThat(registerAck.keepAliveInterval()).isEqualTo(30);
    assertThat(registerAck.secondaryKeepAliveInterval()).isEqualTo(60);
    TimelineEvent ka = kind(t, EventKind.SCCP_KEEPALIVE).get(0);
    assertThat(ka.frame()).isEqualTo(48);
    assertThat(((SccpEvent.KeepAlive) ka.details()).role()).isEqualTo(KeepaliveRole.PRIMARY);
    assertThat(((SccpEvent.KeepAliveAck) kind(t, EventKind.SCCP_KEEPALIVE_ACK).get(0).details()))
        .extracting(SccpEvent.KeepAliveAck::keepaliveFrame)
        .isEqualTo(48L);
    TimelineEvent alarm = kind(t, EventKind.SCCP_ALARM).get(0);
    assertThat(alarm.frame()).isEqualTo(3);
    assertThat(((SccpEvent.Alarm) alarm.details()).fields())
        .containsEntry("ReasonForOutOfService", "25")
        .containsEntry("LastProtocolEventSent", "1:Register");
  }

  @Test
  void refreshIntervalIsMeasuredFromThePrevious200Ok() {
    Timeline t = timeline("ndpi/sip_hello.pcapng");
    List<TimelineEvent> refreshes = kind(t, EventKind.SIP_REFRESH);
    assertThat(refreshes).hasSize(2);
    assertThat(refreshes.get(0).frame()).isEqualTo(25);
    SipEvent.Refresh first = (SipEvent.Refresh) refreshes.get(0).details();
    assertThat(first.sinceLastOk()).isBetween(300.0, 300.1);
    assertThat(first.granted()).isEqualTo(600);
    assertThat(first.late()).isFalse();
    assertThat(kind(t, EventKind.SIP_REGISTER_RESPONSE))
        .extracting(e -> ((SipEvent.RegisterResponse) e.details()).outcome())
        .containsExactly(
            RegisterOutcome.CHALLENGE,
            RegisterOutcome.REGISTERED,
            RegisterOutcome.CHALLENGE,
            RegisterOutcome.REGISTERED);
  }

  @Test
  void unansweredRegisterRetransmissionsOverUdp() {
    Timeline t = timeline("russo-collab/rtp_sip_isac.pcapng");
    List<TimelineEvent> again = kind(t, EventKind.SIP_REQUEST_RETRANSMISSION);
    assertThat(again).extracting(TimelineEvent::frame).containsExactly(217L, 484L, 752L, 1020L);
    SipEvent.RequestRetransmission second = (SipEvent.RequestRetransmission) again.get(0).details();
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(second.firstFrame()).isEqualTo(7L);
    assertThat(kind(t, EventKind.SIP_REGISTER_RESPONSE)).isEmpty();
  }

  @Test
  void arpOverLinuxCookedCapture() {
    Timeline t = timeline("zeek/linuxsll-arp.pcap");
    assertThat(kind(t, EventKind.ARP_GRATUITOUS)).isNotEmpty();
    assertThat(kind(t, EventKind.ARP_REQUEST)).allMatch(e -> e.frame() > 0);
  }
}
