package dev.regdoc.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.capture.CaptureReader;
import dev.regdoc.common.ReadProgress;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileProblem;
import dev.regdoc.facts.FileReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What one analysis holds is bounded: past its budget of facts the reading stops, the file says
 * where and what to do, and what was read is kept instead of the heap running out.
 */
class FactBudgetTest {
  private static final Path DIR = Path.of("src/test/resources/fixtures/case-study-2");
  private static final Path PCAP = DIR.resolve("phone.pcap");
  private static final Path SYSLOG = DIR.resolve("cucm-syslog.log");

  private final FactCollector facts = new FactCollector();

  private IngestService.Ingested ingest(long maxFacts, Path... files) {
    IngestService s =
        new IngestService(new CaptureReader(), TextReaders.defaults(), IngestLimits.defaults())
            .withMaxFacts(maxFacts);
    return s.ingestWithin(
        List.of(files).stream().map(InputFile::of).toList(), facts, ReadProgress.NONE);
  }

  @Test
  void pastTheBudgetTheCaptureIsPartlyReadAndSaysWhereAndWhatToDo() {
    IngestService.Ingested read = ingest(10, PCAP, SYSLOG);

    assertThat(facts.count()).isEqualTo(10);
    FileReport pcap = read.reports().get(0);
    assertThat(pcap.read()).isTrue();
    FileProblem p = pcap.problemKeys().get(0);
    assertThat(p.key()).isEqualTo("file-stopped-too-many-events");
    assertThat(p.values()).hasSize(3).first().isEqualTo("phone.pcap");
    assertThat(p.values().get(1).toString()).startsWith("phone.pcap#");
    assertThat(p.values().get(2)).isEqualTo(10L);
    assertThat(p.text()).contains("phone.pcap", "--device", "editcap", "REGDOC_HEAP");
    FileReport syslog = read.reports().get(1);
    assertThat(syslog.read()).isFalse();
    assertThat(syslog.problemKeys())
        .extracting(FileProblem::key)
        .containsExactly("file-not-reached-too-many-events");
    // not the time limit: the analysis goes on to judge what was read in full time
    assertThat(read.stopped()).isFalse();
  }

  /**
   * A log line's fact weighs more than a packet's: it keeps its fields and text, and each CUCM
   * alarm becomes a finding of its own. A site-wide unregistration storm of 40,000 alarm lines ran
   * the default heap out where 40,000 packets' facts fit; weighed, it stops with a partial answer.
   */
  @Test
  void aLogLineWeighsAsSeveralPacketsFacts() {
    IngestService.Ingested read = ingest(10, SYSLOG);

    assertThat(facts.count()).isEqualTo(10 / IngestService.LOG_LINE_WEIGHT);
    FileProblem p = read.reports().get(0).problemKeys().get(0);
    assertThat(p.key()).isEqualTo("file-stopped-too-many-events");
    assertThat(p.values().get(2)).isEqualTo((long) (10 / IngestService.LOG_LINE_WEIGHT));
  }

  @Test
  void withinTheBudgetEverythingIsRead() {
    IngestService.Ingested read = ingest(1_000_000, PCAP, SYSLOG);

    assertThat(read.reports()).allMatch(FileReport::read);
    assertThat(read.reports()).allMatch(r -> r.problemKeys().isEmpty());
  }

  /**
   * A reading whose facts only become a timeline (the timeline command) holds no rule session, so a
   * fact costs it less and the same heap holds more of them; past its budget it stops the same way.
   */
  @Test
  void aTimelineAloneHoldsMoreFactsThanAnAnalysis() {
    long heap = 256L << 20;
    assertThat(IngestService.factBudget(heap, IngestService.TIMELINE_HEAP_BYTES_PER_FACT))
        .isGreaterThan(IngestService.factBudget(heap));

    IngestService timeline =
        new IngestService(new CaptureReader(), TextReaders.defaults(), IngestLimits.defaults())
            .timelineOnly()
            .withMaxFacts(10);
    List<FileReport> reports = timeline.ingest(List.of(InputFile.of(PCAP)), facts);
    assertThat(facts.count()).isEqualTo(10);
    assertThat(reports.get(0).problemKeys())
        .extracting(FileProblem::key)
        .containsExactly("file-stopped-too-many-events");
  }

  /**
   * An answer without timeline events (the command line's) holds more packets' facts on the same
   * heap; a log line still costs it what it costs a whole analysis, since its alarm still becomes a
   * finding in the rule session: a storm of alarm lines ran the heap out when a line weighed the
   * same seven facts of the smaller size.
   */
  @Test
  void anAnswerWithoutEventsHoldsMorePacketsButNoMoreLogLinesPerHeap() {
    long heap = 256L << 20;
    assertThat(IngestService.factBudget(heap, IngestService.ANSWER_ONLY_HEAP_BYTES_PER_FACT))
        .isGreaterThan(IngestService.factBudget(heap));

    long budget = 24;
    new IngestService(new CaptureReader(), TextReaders.defaults(), IngestLimits.defaults())
        .answerOnly()
        .withMaxFacts(budget)
        .ingest(List.of(InputFile.of(SYSLOG)), facts);

    long heapOfBudget = budget * IngestService.ANSWER_ONLY_HEAP_BYTES_PER_FACT;
    long heapOfLine = IngestService.LOG_LINE_WEIGHT * IngestService.HEAP_BYTES_PER_FACT;
    assertThat(facts.count()).isPositive().isLessThanOrEqualTo(heapOfBudget / heapOfLine);
  }

  @Test
  void theDefaultBudgetGrowsWithTheHeap() {
    assertThat(IngestService.factBudget(256L << 20)).isGreaterThan(10_000);
    assertThat(IngestService.factBudget(1L << 30))
        .isEqualTo(4 * IngestService.factBudget(256L << 20));
  }
}
