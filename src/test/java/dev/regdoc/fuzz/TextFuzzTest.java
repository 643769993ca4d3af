package dev.regdoc.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.regdoc.ccmtrace.TraceReader;
import dev.regdoc.ccmtrace.TraceSession;
import dev.regdoc.ccmtrace.TraceSummary;
import dev.regdoc.devconfig.AsaConfigReader;
import dev.regdoc.devconfig.IosConfigReader;
import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.AsaInterfaceConfig;
import dev.regdoc.facts.CucmAlarm;
import dev.regdoc.facts.FileProblem;
import dev.regdoc.facts.NetworkLog;
import dev.regdoc.facts.SwitchPortConfig;
import dev.regdoc.facts.TextReader;
import dev.regdoc.facts.TextSummary;
import dev.regdoc.facts.TraceFile;
import dev.regdoc.facts.TraceSip;
import dev.regdoc.logs.SyslogReader;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the text readers (syslog, IOS and ASA configurations, CallManager traces) with the bytes
 * of a file, decoded as ingest decodes uploads (UTF-8, malformed bytes replaced; traces are read as
 * bytes). The counts they report must add up with the facts they emitted, and every fact must point
 * at a line of the file.
 */
@Tag("fuzz")
class TextFuzzTest {
  private static final String NAME = "upload.txt";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC);

  @FuzzTest
  void syslog(byte[] file) throws IOException {
    FactChecks facts = FactChecks.forText(NAME);
    TextSummary s = read(new SyslogReader(CLOCK), file, facts);
    long unrecognisedLines =
        facts.facts().stream()
            .filter(f -> f instanceof Anomaly a && a.code().equals("syslog-unrecognised-line"))
            .count();
    assertThat(unrecognisedLines)
        .as("one anomaly per unrecognised record")
        .isEqualTo(s.unrecognised());
    assertThat(facts.count(CucmAlarm.class) + facts.count(NetworkLog.class))
        .as("messages are recognised records")
        .isLessThanOrEqualTo(s.recognised());
  }

  @FuzzTest
  void iosConfig(byte[] file) throws IOException {
    FactChecks facts = FactChecks.forText(NAME);
    TextSummary s = read(new IosConfigReader(), file, facts);
    assertThat(facts.count(SwitchPortConfig.class)).isEqualTo(s.recognised());
  }

  @FuzzTest
  void asaConfig(byte[] file) throws IOException {
    FactChecks facts = FactChecks.forText(NAME);
    TextSummary s = read(new AsaConfigReader(), file, facts);
    assertThat(facts.count(AsaInterfaceConfig.class)).isEqualTo(s.recognised());
  }

  @FuzzTest
  void ccmTrace(byte[] file) throws IOException {
    FactChecks facts = FactChecks.forText(NAME);
    TraceSession session = new TraceSession(facts, 1000);
    TraceSummary s = new TraceReader(CLOCK).read(NAME, new ByteArrayInputStream(file), session);
    Map<String, List<String>> notes = texts(session.finish());
    assertThat(s.records() + s.broken()).as("records are lines").isLessThanOrEqualTo(s.lines());
    assertThat(facts.facts())
        .allSatisfy(f -> assertThat(f.origin().line()).isBetween(1L, Math.max(1, s.lines())));
    assertThat(facts.count(TraceFile.class)).isEqualTo(1);
    assertThat(facts.facts())
        .filteredOn(TraceSip.class::isInstance)
        .allSatisfy(
            f -> {
              TraceSip m = (TraceSip) f;
              assertThat(m.message().isRegister()).isTrue();
              assertThat(m.remotePort()).isBetween(0, 99_999);
            });
    assertThat(s.problems()).allSatisfy(p -> assertThat(p).isNotBlank());
    assertThat(notes.keySet()).allMatch(NAME::equals);
  }

  private static TextSummary read(TextReader reader, byte[] file, FactChecks facts)
      throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    TextSummary s;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(new ByteArrayInputStream(file), decoder))) {
      s = reader.read(NAME, in, facts);
    }
    assertThat(s.lines()).isNotNegative();
    assertThat(s.recognised()).isNotNegative();
    assertThat(s.unrecognised()).isNotNegative();
    assertThat(s.recognised() + s.unrecognised())
        .as("records are made of lines")
        .isLessThanOrEqualTo(s.lines());
    assertThat(facts.facts())
        .allSatisfy(f -> assertThat(f.origin().line()).isBetween(1L, Math.max(1, s.lines())));
    assertThat(s.problems()).allSatisfy(p -> assertThat(p).isNotBlank());
    return s;
  }

  /** The English sentences of each file's notes. */
  static Map<String, List<String>> texts(Map<String, List<FileProblem>> notes) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    notes.forEach((f, ps) -> out.put(f, ps.stream().map(FileProblem::text).toList()));
    return out;
  }
}
