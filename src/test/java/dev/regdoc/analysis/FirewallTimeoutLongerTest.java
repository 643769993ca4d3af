package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.diagnosis.Finding;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.testing.TestAnalyzers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab's firewall idle timeout (every copy of the refresh after the idle period lost, a new
 * connection passing at once) with a firewall configuration whose idle timeout is longer than the
 * idle time: that firewall is ruled out, not the pattern. With the CUCM-side capture showing no
 * copy arrived, the teardown stands at lower confidence and says the given firewall kept the
 * connection; with the phone side alone the answer is undetermined, the CUCM leading, and the
 * CUCM-side capture decides. The CallManager trace made from the CUCM-side capture ({@code
 * LabTraces}) decides as that capture does.
 */
class FirewallTimeoutLongerTest {
  /** The lab's recording with the configuration changed (lab.py VARIANTS). */
  private static final Path LAB =
      Path.of("src/test/resources/fixtures/lab/firewall-timeout-longer");

  static Path asa = LAB.resolve("asa-config.txt");
  static Analyzer analyzer;

  @BeforeAll
  static void compileRules() throws IOException {
    assertThat(Files.readString(asa)).contains("timeout conn 2:00:00");
    analyzer = TestAnalyzers.repositoryRules();
  }

  private static List<Finding> analyse(String... captures) {
    List<InputFile> in =
        new ArrayList<>(Arrays.stream(captures).map(c -> InputFile.of(LAB.resolve(c))).toList());
    in.add(InputFile.of(asa));
    return analyzer.analyze(in).findings();
  }

  @Test
  void bothCapturesKeepTheTeardownAtLowerConfidenceNamingTheLongerTimeout() {
    List<Finding> f = analyse("phone.pcap", "cucm.pcap");
    Finding top = f.get(0);
    assertThat(top.code()).isEqualTo("idle-connection-teardown");
    assertThat(top.confidence()).isEqualTo(0.6);
    assertThat(top.evidence())
        .anySatisfy(
            e -> {
              assertThat(e.note()).isEqualTo("asa-timeout-longer");
              assertThat(e.args()).first().isEqualTo("7200");
            });
    assertThat(top.ruledOut()).extracting(r -> r.code()).contains("cucm-not-responding");
  }

  @Test
  void thePhoneSideAloneIsUndeterminedWithTheCucmLeading() {
    List<Finding> f = analyse("phone.pcap");
    Finding top = f.get(0);
    assertThat(top.code()).isEqualTo(Finding.UNDETERMINED);
    assertThat(top.candidates().keySet())
        .containsExactly("cucm-not-responding", "idle-connection-teardown");
    assertThat(f)
        .filteredOn(x -> x.code().equals("evidence-missing"))
        .extracting(x -> x.values().get("step"))
        .containsExactly("cucm-capture");
    assertThat(f).extracting(Finding::code).doesNotContain("idle-connection-teardown");
  }

  @Test
  void theCallManagerTraceStandsInForTheCucmSideCapture() {
    List<Finding> f = analyse("phone.pcap", "rtmt-traces.zip");
    Finding top = f.get(0);
    assertThat(top.code()).isEqualTo("idle-connection-teardown");
    assertThat(top.confidence()).isEqualTo(0.6);
    assertThat(top.evidence())
        .anySatisfy(e -> assertThat(e.note()).isEqualTo("asa-timeout-longer"));
    assertThat(top.ruledOut()).extracting(r -> r.code()).contains("cucm-not-responding");
  }
}
