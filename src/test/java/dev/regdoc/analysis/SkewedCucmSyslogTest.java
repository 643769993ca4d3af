package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.diagnosis.Finding;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.testing.TestAnalyzers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CUCM whose clock is off by minutes against the phone-side capture (no NTP): its syslog's alarms
 * land at the wrong moments of the capture's timeline. The syslog shares no message with a capture
 * to align on, so the answer must not change with its clock: no timeout read into a healthy
 * capture, and a real one neither lost nor doubled.
 */
class SkewedCucmSyslogTest {
  private static final Path LAB = Path.of("src/test/resources/fixtures/lab");
  private static final Pattern HEADER =
      Pattern.compile("^([A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d:\\d\\d)");
  private static final Pattern BODY =
      Pattern.compile("([A-Z][a-z]{2} \\d\\d \\d{4} \\d\\d:\\d\\d:\\d\\d)");
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("yyyy MMM dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm:ss", Locale.ROOT);

  private static Analyzer analyzer;
  @TempDir Path dir;

  @BeforeAll
  static void compileRules() {
    analyzer = TestAnalyzers.repositoryRules();
  }

  @Test
  void aHealthyCaptureStaysHealthyWhateverTheCucmClockSays() throws IOException {
    for (long shift : new long[] {600, -3600}) {
      Set<String> codes = codes("healthy-clock-skew", shift);
      assertThat(codes).as("CUCM clock %+d s", shift).contains("no-fault-found");
      assertThat(codes)
          .as("CUCM clock %+d s", shift)
          .doesNotContain(
              "sip-refresh-late",
              "keepalive-lost-in-network",
              "unregistered-reason",
              "undetermined");
    }
  }

  @Test
  void aRealTimeoutIsFoundTheSameWithTheCucmClockFiveMinutesBehind() throws IOException {
    assertThat(codes("firewall-idle-timeout", -300))
        .isEqualTo(codes("firewall-idle-timeout", 0))
        .contains("idle-connection-teardown", "unregistered-reason");
  }

  private Set<String> codes(String scenario, long shiftSeconds) throws IOException {
    Path log = dir.resolve(scenario + shiftSeconds + "-cucm-syslog.log");
    String original = Files.readString(LAB.resolve(scenario).resolve("cucm-syslog.log"));
    String moved = shifted(original, shiftSeconds);
    assertThat(moved.equals(original)).as("the clock moved").isEqualTo(shiftSeconds == 0);
    Files.writeString(log, moved);
    List<Finding> findings =
        analyzer
            .analyze(
                List.of(
                    InputFile.of(LAB.resolve(scenario).resolve("phone.pcap")),
                    InputFile.of(LAB.resolve(scenario).resolve("cucm.pcap")),
                    InputFile.of(log)))
            .findings();
    return findings.stream().map(Finding::code).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The syslog as a CUCM whose clock is {@code seconds} off would have written it. */
  private static String shifted(String text, long seconds) {
    return text.lines()
        .map(
            l -> {
              String year = "2026 ";
              Matcher b = BODY.matcher(l);
              if (b.find()) {
                year = b.group(1).substring(7, 11) + " ";
                l =
                    l.substring(0, b.start())
                        + LocalDateTime.parse(b.group(1), LONG).plusSeconds(seconds).format(LONG)
                        + l.substring(b.end());
              }
              Matcher h = HEADER.matcher(l);
              if (h.find()) {
                String moved =
                    LocalDateTime.parse(year + h.group(1), SHORT)
                        .plusSeconds(seconds)
                        .format(SHORT)
                        .substring(5);
                l = moved + l.substring(h.end());
              }
              return l;
            })
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
