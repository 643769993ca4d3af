package dev.regdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A site-wide unregistration storm in a CUCM syslog (120,000 lines, 46 MB: 5,000 phones
 * unregistering and registering again) is read under the heap the launcher gives each command: the
 * reading stops at the budget with a partial answer instead of running the heap out. A log line
 * costs several packets' facts (its fields, its text, a finding of its own per alarm); weighed as
 * three, the timeline command collected for three minutes and ran out, and analyze ran out too.
 */
class AlarmStormBudgetTest {
  private static final Path LAUNCHER = Path.of("bot/regdoc");
  private static final int LINES = 120_000;

  @TempDir static Path dir;
  private static Path storm;

  @BeforeAll
  static void writeStorm() throws IOException {
    storm = dir.resolve("cucm-syslog.log");
    DateTimeFormatter stamp = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT);
    DateTimeFormatter full = DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm:ss.SSS", Locale.ROOT);
    LocalDateTime start = LocalDateTime.of(2015, 7, 15, 22, 0);
    try (BufferedWriter w = Files.newBufferedWriter(storm, StandardCharsets.US_ASCII)) {
      for (int i = 0; i < LINES; i++) {
        int phone = i % 5000;
        LocalDateTime t = start.plusNanos(37_000_000L * i);
        boolean down = i % 2 == 0;
        String node = down ? "cucm-pub" : "cucm-sub";
        w.write(
            String.format(
                Locale.ROOT,
                "%s %s local7 %d : %d: %s.example.com %s UTC :  %%UC_CALLMANAGER-%d-%s:"
                    + " %%[DeviceName=SEP%012X][IPAddress=192.0.2.%d][Protocol=SIP][DeviceType=540]"
                    + "[Description=Phone %d]%s[IPAddrAttributes=0]%s[AppID=Cisco CallManager]"
                    + "[ClusterID=StandAloneCluster][NodeID=%s]: %s%n",
                stamp.format(t),
                node,
                down ? 3 : 6,
                41670 + i,
                node,
                full.format(t),
                down ? 3 : 6,
                down ? "EndPointUnregistered" : "EndPointRegistered",
                0x0024142D0000L + phone,
                1 + phone % 250,
                phone,
                down ? "[Reason=13]" : "",
                down ? "[LastSignalReceived=SIPStationDPrimaryLineTimeout]" : "",
                node,
                down ? "An endpoint has unregistered" : "Endpoint registered"));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"analyze", "timeline"})
  void theStormIsReadInPartUnderTheLaunchersHeap(String command) throws Exception {
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    args.addAll(
        List.of(
            "-cp",
            productClassPath(),
            "-XX:+UseParallelGC",
            "-Djava.awt.headless=true",
            "-Duser.home=" + dir));
    args.addAll(launcherOptions(command));
    args.addAll(List.of(Main.class.getName(), command));
    if (command.equals("timeline")) {
      args.addAll(List.of("--format", "json"));
    }
    args.add(storm.toString());
    Path out = dir.resolve(command + ".out");
    Process p =
        new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    boolean ended = p.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended).as("%s of the storm ended", command).isTrue();
    String said = Files.readString(out, StandardCharsets.UTF_8);
    String head = said.length() > 2000 ? said.substring(0, 2000) : said;
    assertThat(said).as(head).doesNotContain("ran out of memory");
    assertThat(p.exitValue()).as(head).isZero();
    assertThat(said).contains("reading was stopped at cucm-syslog.log:");
  }

  /**
   * The options bot/regdoc gives {@code command} when REGDOC_HEAP is not set: its heap and how the
   * heap is split.
   */
  private static List<String> launcherOptions(String command) throws IOException {
    Matcher m =
        Pattern.compile("\\n\\s*" + command + "\\) opts\\+=\\(([^)]*)\\) ;;")
            .matcher(Files.readString(LAUNCHER));
    assertThat(m.find()).as("bot/regdoc names options for %s", command).isTrue();
    List<String> options = new ArrayList<>();
    for (String word : m.group(1).trim().split("\\s+")) {
      options.add(word.replace("\"", "").replaceAll("\\$\\{REGDOC_HEAP:-([^}]*)\\}", "$1"));
    }
    assertThat(options)
        .as("bot/regdoc's options for %s", command)
        .anyMatch(o -> o.matches("-Xmx\\d+m"));
    return options;
  }

  /** The class path without the tests' classes: their logback-test.xml would set up logging. */
  private static String productClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> !p.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
