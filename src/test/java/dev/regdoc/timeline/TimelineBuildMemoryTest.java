package dev.regdoc.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.capture.CaptureReader;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TcpDelivered;
import dev.regdoc.facts.TcpRetransmission;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.IngestService;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.timeline.event.EventKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What building a timeline holds beside the read facts, for a large capture's sake: the structures
 * only lining up two captures needs are not made for one, and the index of what TCP retransmissions
 * carried covers only the streams that had one.
 */
class TimelineBuildMemoryTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Path CASE = FIXTURES.resolve("case-study-2");

  private static FactCollector read(String... files) {
    FactCollector facts = new FactCollector();
    new IngestService(new CaptureReader(), Map.of(), IngestLimits.defaults())
        .ingest(List.of(files).stream().map(f -> InputFile.of(CASE.resolve(f))).toList(), facts);
    return facts;
  }

  private static CaptureAligner aligner(FactCollector read, List<String> captures) {
    TraceEvidence traces = new TraceEvidence(read);
    FactCollector facts = traces.expand(read);
    return new CaptureAligner(facts, new DeviceDirectory(facts), captures, traces);
  }

  /**
   * The kinds a large capture holds by the hundred thousand (a 2 GB capture of 4,000 phones:
   * 100,000 refreshes, 104,000 answers, 41,000 SCCP keepalives) keep no copy of their one-line
   * summary: their details tell it when it is shown. Held, those lines were a seventh of a large
   * analysis.
   */
  @Test
  void theCommonEventsKeepNoSummaryTextOfTheirOwn() {
    List<TimelineEvent> events = new ArrayList<>(timeline(CASE.resolve("phone.pcap")));
    events.addAll(timeline(FIXTURES.resolve("healthy-sccp/phone.pcap")));
    events.addAll(timeline(FIXTURES.resolve("arp-conflict/arp.pcap")));
    Set<EventKind> common =
        Set.of(
            EventKind.SIP_REFRESH,
            EventKind.SIP_REGISTER,
            EventKind.SIP_REGISTER_RESPONSE,
            EventKind.SCCP_KEEPALIVE,
            EventKind.SCCP_KEEPALIVE_ACK,
            EventKind.ARP_REPLY,
            EventKind.ARP_REQUEST);
    Set<EventKind> seen = new HashSet<>();
    for (TimelineEvent e : events) {
      if (common.contains(e.kind())) {
        seen.add(e.kind());
        assertThat(e.heldSummary()).as("%s keeps its own text", e.cite()).isNull();
        assertThat(e.summary()).as("%s still has a summary", e.cite()).isNotBlank();
      }
    }
    assertThat(seen).as("the fixtures hold every such kind").isEqualTo(common);
  }

  private static List<TimelineEvent> timeline(Path capture) {
    FactCollector facts = new FactCollector();
    List<FileReport> reports =
        new IngestService(new CaptureReader(), Map.of(), IngestLimits.defaults())
            .ingest(List.of(InputFile.of(capture)), facts);
    return new TimelineBuilder().build(facts, reports).events();
  }

  @Test
  void oneCaptureHoldsNoSegmentsForLiningUp() {
    assertThat(aligner(read("phone.pcap"), List.of("phone.pcap")).segmentsHeld()).isZero();
  }

  @Test
  void twoCapturesStillHoldTheirSegmentsAndAreLinedUp() {
    CaptureAligner twoCaptures =
        aligner(read("phone.pcap", "cucm.pcap"), List.of("phone.pcap", "cucm.pcap"));
    assertThat(twoCaptures.segmentsHeld()).isPositive();
    assertThat(twoCaptures.offsets()).isNotEmpty();
  }

  @Test
  void theRetransmissionIndexHoldsOnlyStreamsThatHadOne() {
    FactCollector facts = read("phone.pcap", "cucm.pcap");
    record Stream(String file, Endpoints endpoints) {}
    Set<Stream> asked = new HashSet<>();
    facts
        .of(TcpRetransmission.class)
        .forEach(r -> asked.add(new Stream(r.origin().file(), r.endpoints())));
    facts
        .of(TcpDelivered.class)
        .forEach(d -> asked.add(new Stream(d.origin().file(), d.endpoints())));
    long onAskedStreams =
        facts.of(SipMessage.class).stream()
                .filter(m -> m.tcpSeq() >= 0)
                .filter(m -> asked.contains(new Stream(m.origin().file(), m.endpoints())))
                .count()
            + facts.of(SccpMessage.class).stream()
                .filter(m -> asked.contains(new Stream(m.origin().file(), m.endpoints())))
                .count();
    long tcpMessages =
        facts.of(SipMessage.class).stream().filter(m -> m.tcpSeq() >= 0).count()
            + facts.of(SccpMessage.class).size();
    assertThat(asked).as("the case has retransmissions to name").isNotEmpty();
    assertThat(onAskedStreams).as("and messages on other streams").isLessThan(tcpMessages);

    TcpTimeline tcp =
        new TcpTimeline(facts, new DeviceDirectory(facts), new Events(new HashMap<>()));
    assertThat(tcp.indexedMessages()).isEqualTo(onAskedStreams);
  }
}
