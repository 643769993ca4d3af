package dev.regdoc.analysis;

import static dev.regdoc.analysis.FaultCodes.PSA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.capture.CaptureReader;
import dev.regdoc.diagnosis.Diagnoser;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.diagnosis.RuledOut;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileReport;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.IngestService;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import dev.regdoc.signals.StreamGap;
import dev.regdoc.timeline.Timeline;
import dev.regdoc.timeline.TimelineBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each guard between a duplex mismatch and port-security aging on its own, on the facts of the
 * duplex-mismatch lab (lost frames both ways, the first copy of each refresh among them): a given
 * subset of its files, less the one kind of evidence another guard would also catch, so that every
 * guard is the only thing standing between the input and a wrong answer.
 */
class DuplexPortSecurityGuardsTest {
  private static final Path LAB = Path.of("src/test/resources/fixtures/lab");
  private static final Path DUPLEX = LAB.resolve("duplex-mismatch");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);
  private static Diagnoser rules;

  @TempDir Path dir;

  @BeforeAll
  static void load() {
    rules = new Diagnoser(RuleBase.load(Path.of("rules")));
  }

  /** The findings, ranked, on the files' rule facts less those {@code drop} matches. */
  private static List<Finding> judge(Predicate<Object> drop, Path... files) {
    return judge(drop, UnaryOperator.identity(), files);
  }

  /**
   * The findings, ranked, on the files' rule facts less those {@code drop} matches, each of the
   * others as {@code change} gives it.
   */
  private static List<Finding> judge(
      Predicate<Object> drop, UnaryOperator<Object> change, Path... files) {
    FactCollector facts = new FactCollector();
    List<FileReport> reports =
        new IngestService(new CaptureReader(), TextReaders.defaults(CLOCK), IngestLimits.defaults())
            .ingest(List.of(files).stream().map(InputFile::of).toList(), facts);
    Timeline t = new TimelineBuilder().build(facts, reports);
    List<Object> ruleFacts = new ArrayList<>(Analyzer.ruleFacts(facts, t, List.of()));
    if (drop != NOTHING) {
      // dropping what is not there would leave the guard under test unchallenged by nothing else
      assertThat(ruleFacts).as("the evidence dropped is there to drop").anyMatch(drop);
    }
    ruleFacts.removeIf(drop);
    ruleFacts.replaceAll(change);
    return rules.diagnose(ruleFacts);
  }

  private static List<Finding> judge(Path... files) {
    return judge(NOTHING, files);
  }

  private static final Predicate<Object> NOTHING = o -> false;
  private static final Predicate<Object> GAPS = StreamGap.class::isInstance;

  private static Path duplex(String name) {
    return DUPLEX.resolve(name);
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  private static void undecidedAskingForTheSwitchPort(List<Finding> findings) {
    assertThat(findings.get(0).code()).isEqualTo("undetermined");
    assertThat(findings.get(0).candidates())
        .containsOnlyKeys("duplex-mismatch", "keepalive-lost-in-network");
    assertThat(findings)
        .filteredOn(f -> f.code().equals("evidence-missing"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.values()).containsEntry("step", "switch-port");
              assertThat(f.values()).containsEntry("decides", "decides-port-counters");
            });
    assertThat(codes(findings)).doesNotContain(PSA);
  }

  /** Why the top finding rules port security out, or null when it does not. */
  private static String whyNotPortSecurity(List<Finding> findings) {
    return findings.get(0).ruledOut().stream()
        .filter(r -> r.code().equals(PSA))
        .map(RuledOut::why)
        .findFirst()
        .orElse(null);
  }

  /** The lab's switch configuration with port-security aging of 1 min on the phone's port. */
  private static Path agingOnThePhonesPort() {
    return LAB.resolve("port-security-aging/switch-config.txt");
  }

  /**
   * A configuration whose only port-security aging is on the PC's port and where nothing says which
   * port is the phone's (no description naming it, no voice VLAN).
   */
  private Path phonesPortUnknown() throws IOException {
    String config =
        Files.readString(LAB.resolve("psec-on-other-port/switch-config.txt"))
            .replace("description IP phone SEP0A1AB0000045", "description desk 12")
            .replace(" switchport voice vlan 110\n", "");
    Path p = dir.resolve("switch-config.txt");
    Files.writeString(p, config);
    return p;
  }

  // 2a: both captures, no switch file

  @Test
  void bothCapturesLosingFramesBothWaysWithoutTheSwitchAreUndecidedAndAskForItsPort() {
    undecidedAskingForTheSwitchPort(judge(duplex("phone.pcap"), duplex("cucm.pcap")));
  }

  // 2b: port-security aging's guards added with duplex-mismatch

  @Test
  void aSwitchLogNamingADuplexMismatchWithoutTheSwitchConfigKeepsPortSecurityOut() {
    List<Finding> findings = judge(GAPS, duplex("phone.pcap"), duplex("switch-syslog.log"));
    assertThat(findings.get(0).code()).isEqualTo("duplex-mismatch");
    assertThat(codes(findings)).doesNotContain(PSA);
  }

  @Test
  void framesLostTowardThePhoneBetweenTheCapturesKeepPortSecurityOutWithoutAConfig() {
    undecidedAskingForTheSwitchPort(judge(GAPS, duplex("phone.pcap"), duplex("cucm.pcap")));
  }

  @Test
  void framesLostTowardThePhoneBetweenTheCapturesKeepPortSecurityOutWhenItsPortIsUnknown()
      throws IOException {
    List<Finding> findings =
        judge(GAPS, duplex("phone.pcap"), duplex("cucm.pcap"), phonesPortUnknown());
    assertThat(codes(findings)).doesNotContain(PSA);
  }

  @Test
  void aGapInTheCucmsDataAtThePhoneKeepsPortSecurityOutWhenItsPortIsUnknown() throws IOException {
    List<Finding> findings = judge(duplex("phone.pcap"), phonesPortUnknown());
    assertThat(codes(findings)).doesNotContain(PSA);
  }

  @Test
  void aGapInTheCucmsDataAtThePhoneAloneIsUndecidedAndAsksForTheSwitchPort() {
    undecidedAskingForTheSwitchPort(judge(duplex("phone.pcap")));
  }

  @Test
  void aGapAfterThePhoneWasQuietForAMinuteDoesNotRulePortSecurityOut() {
    // where port security is said to drop frames toward a phone whose MAC aged out until it sends
    // again, data lost toward a phone silent for a minute could be its doing: the same gap, shown
    // after 90 s of the phone's silence, leaves the port-security pattern standing
    List<Finding> findings =
        judge(NOTHING, DuplexPortSecurityGuardsTest::quiet, duplex("phone.pcap"));
    assertThat(findings.get(0).code()).isEqualTo(PSA);
  }

  /** The gap as if the phone's own data had last got through 90 s before. */
  private static Object quiet(Object fact) {
    return fact instanceof StreamGap g
        ? new StreamGap(
            g.device(),
            g.direction(),
            g.file(),
            g.frame(),
            g.time(),
            g.aheadFrame(),
            90,
            g.seq(),
            g.length())
        : fact;
  }

  // 2c: the first rule, aging configured on the phone's own port

  @Test
  void agingOnThePhonesPortIsNotTheAnswerWhenFramesWereLostTowardThePhoneBetweenTheCaptures() {
    undecidedAskingForTheSwitchPort(
        judge(GAPS, duplex("phone.pcap"), duplex("cucm.pcap"), agingOnThePhonesPort()));
  }

  @Test
  void agingOnThePhonesPortIsNotTheAnswerWhenThePhonesCaptureShowsAGapInTheCucmsData() {
    undecidedAskingForTheSwitchPort(judge(duplex("phone.pcap"), agingOnThePhonesPort()));
  }

  // 2d: duplex-mismatch's rule-outs of port security, each alone

  @Test
  void theDuplexMismatchRulesPortSecurityOutByFramesLostTowardThePhoneBetweenTheCaptures() {
    List<Finding> findings =
        judge(duplex("phone.pcap"), duplex("cucm.pcap"), duplex("switch-syslog.log"));
    assertThat(findings.get(0).code()).isEqualTo("duplex-mismatch");
    assertThat(whyNotPortSecurity(findings)).isEqualTo("rival-lost-toward-phone");
  }

  @Test
  void theDuplexMismatchRulesPortSecurityOutByThePhonesPortHavingNone() {
    List<Finding> findings = judge(GAPS, duplex("phone.pcap"), duplex("switch-config.txt"));
    assertThat(findings.get(0).code()).isEqualTo("duplex-mismatch");
    assertThat(whyNotPortSecurity(findings)).isEqualTo("rival-no-port-security");
  }

  @Test
  void theDuplexMismatchRulesPortSecurityOutByAGapInTheCucmsDataAtThePhone() {
    List<Finding> findings = judge(duplex("phone.pcap"), duplex("switch-syslog.log"));
    assertThat(findings.get(0).code()).isEqualTo("duplex-mismatch");
    assertThat(whyNotPortSecurity(findings)).isEqualTo("rival-gap-toward-phone");
  }
}
