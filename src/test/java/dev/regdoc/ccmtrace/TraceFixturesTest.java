package dev.regdoc.ccmtrace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.capture.CaptureReader;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.InputKind;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TraceDirection;
import dev.regdoc.facts.TraceFile;
import dev.regdoc.facts.TraceSccp;
import dev.regdoc.facts.TraceSip;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.IngestService;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated case-study traces say what the CUCM-side capture of the same run saw: the primary's
 * trace holds exactly the registration messages of {@code cucm.pcap}, in the same order, on the
 * same clock, although one of them was cut by a rotation. So the traces can stand in for the
 * CUCM-side capture.
 */
class TraceFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  static FactCollector read(List<FileReport> reports, Path... files) {
    FactCollector facts = new FactCollector();
    IngestService s =
        new IngestService(
            new CaptureReader(),
            TextReaders.defaults(TraceReaderTest.CLOCK),
            IngestLimits.defaults());
    reports.addAll(s.ingest(Arrays.stream(files).map(InputFile::of).toList(), facts));
    return facts;
  }

  @Test
  void caseStudy2sPrimaryTraceHoldsWhatItsCucmSideCaptureHolds() {
    List<FileReport> reports = new ArrayList<>();
    FactCollector trace = read(reports, FIXTURES.resolve("case-study-2-traces/rtmt-traces.zip"));
    FactCollector capture = read(new ArrayList<>(), FIXTURES.resolve("case-study-2/cucm.pcap"));

    assertThat(reports)
        .filteredOn(r -> r.kind() == InputKind.CCM_TRACE)
        .hasSize(4)
        .allSatisfy(r -> assertThat(r.problems()).isEmpty());
    List<TraceSip> pub =
        trace.of(TraceSip.class).stream()
            .filter(r -> r.node().equals("cucm-pub"))
            .sorted(Comparator.comparing(TraceSip::time))
            .toList();
    List<SipMessage> seen = capture.of(SipMessage.class);
    assertThat(pub)
        .extracting(
            r ->
                r.message().callId()
                    + " "
                    + r.message().cseq()
                    + " "
                    + r.message().status()
                    + " "
                    + r.message().viaBranch()
                    + " "
                    + r.direction())
        .containsExactlyElementsOf(
            seen.stream()
                .map(
                    m ->
                        m.callId()
                            + " "
                            + m.cseq()
                            + " "
                            + m.status()
                            + " "
                            + m.viaBranch()
                            + " "
                            + (m.request() ? TraceDirection.INCOMING : TraceDirection.OUTGOING))
                .toList());
    for (int i = 0; i < pub.size(); i++) {
      // the same host clock: the trace line is written when the capture saw the segment
      assertThat(Duration.between(seen.get(i).time(), pub.get(i).time()).abs().toMillis())
          .as("message %d", i)
          .isLessThanOrEqualTo(1);
    }
    assertThat(pub).filteredOn(r -> r.joinedFrom() != null).hasSize(1);
    assertThat(pub).noneMatch(TraceSip::incomplete);
    assertThat(trace.of(TraceFile.class))
        .extracting(TraceFile::node)
        .containsExactly("cucm-pub", "cucm-pub", "cucm-pub", "cucm-sub");
  }

  @Test
  void caseStudy12sPrimaryTraceHoldsTheStationMessagesOfItsCucmSideCapture() {
    FactCollector trace =
        read(new ArrayList<>(), FIXTURES.resolve("case-study-1-2-traces/rtmt-traces.zip"));
    FactCollector capture = read(new ArrayList<>(), FIXTURES.resolve("case-study-1-2/cucm.pcap"));
    List<String> traced =
        trace.of(TraceSccp.class).stream()
            .filter(r -> r.node().equals("cucm-pub"))
            .map(r -> r.name() + " " + r.deviceName())
            .toList();
    List<String> captured =
        capture.of(SccpMessage.class).stream().map(m -> m.name() + " SEP00245111A4C2").toList();
    assertThat(traced).containsExactlyElementsOf(captured);
  }
}
