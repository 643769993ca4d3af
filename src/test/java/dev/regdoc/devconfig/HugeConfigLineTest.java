package dev.regdoc.devconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.capture.CaptureReader;
import dev.regdoc.facts.AsaInterfaceConfig;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.SwitchPortConfig;
import dev.regdoc.facts.TextSummary;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.IngestService;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config that is mostly one enormous line (a 2.3 MB gzip expanded to a 2.35 GB line once ended in
 * an OutOfMemoryError) is read in bounded memory: the line is cut, named in the report, and the
 * interfaces after it are still read.
 */
class HugeConfigLineTest {
  private static final long HUGE = 300L << 20;

  static final String BEFORE =
      "hostname access-sw1\n"
          + "interface GigabitEthernet1/0/5\n"
          + " switchport port-security\n"
          + " description ";
  static final String AFTER =
      "\n"
          + "interface GigabitEthernet1/0/6\n"
          + " switchport port-security maximum 3\n"
          + " switchport port-security\n"
          + "!\n";

  @Test
  void aThreeHundredMegabyteLineIsReadWithSixtyFourMegabytesOfHeap(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("switch.cfg");
    try (BufferedWriter out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      out.write(BEFORE);
      char[] chunk = new char[1 << 16];
      Arrays.fill(chunk, 'x');
      for (long written = 0; written < HUGE; written += chunk.length) {
        out.write(chunk);
      }
      out.write(AFTER);
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                Child.class.getName(),
                config.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();

    assertThat(output).doesNotContain("OutOfMemoryError").contains("exit 0");
    assertThat(output)
        .contains(
            "problem switch.cfg: line 4 is "
                + (HUGE + " description ".length())
                + " characters long; only the first "
                + ConfigLines.MAX_LINE_CHARS
                + " were read");
    assertThat(output)
        .contains("port GigabitEthernet1/0/5 port-security true")
        .contains("port GigabitEthernet1/0/6 port-security true maximum 3");
  }

  /**
   * Runs in a JVM with a small heap: ingests the file as a user's upload and prints what came out.
   */
  public static final class Child {
    public static void main(String[] args) {
      List<Fact> facts = new ArrayList<>();
      IngestService ingest =
          new IngestService(new CaptureReader(), TextReaders.defaults(), IngestLimits.defaults());
      for (FileReport r :
          ingest.ingest(List.of(new InputFile(Path.of(args[0]), "switch.cfg")), facts::add)) {
        r.problems().forEach(p -> System.out.println("problem " + p));
      }
      for (Fact f : facts) {
        if (f instanceof SwitchPortConfig p) {
          System.out.println(
              "port "
                  + p.interfaceName()
                  + " port-security "
                  + p.portSecurity()
                  + " maximum "
                  + p.maximum());
        }
      }
      System.out.println("exit 0");
    }
  }

  @Test
  void anAsaConfigLineOverTheCapIsNamedAndTheRestIsRead() throws IOException {
    String config =
        "ASA Version 9.8(2)\nhostname fw1\n"
            + "x".repeat(3 * ConfigLines.MAX_LINE_CHARS)
            + "\n"
            + "interface GigabitEthernet0/1\n"
            + " nameif inside\n"
            + " ip address 192.0.2.1 255.255.255.0\n";
    List<Fact> facts = new ArrayList<>();
    TextSummary s =
        new AsaConfigReader()
            .read("fw.cfg", new BufferedReader(new StringReader(config)), facts::add);

    assertThat(s.problems())
        .containsExactly(
            "line 3 is "
                + 3 * ConfigLines.MAX_LINE_CHARS
                + " characters long; only the first "
                + ConfigLines.MAX_LINE_CHARS
                + " were read");
    assertThat(facts)
        .singleElement()
        .isInstanceOfSatisfying(
            AsaInterfaceConfig.class, a -> assertThat(a.nameif()).isEqualTo("inside"));
    assertThat(s.lines()).isEqualTo(6);
  }

  @Test
  void manyCutLinesAreListedFirstThenCounted() throws IOException {
    StringBuilder config = new StringBuilder("hostname access-sw1\n");
    for (int i = 0; i < 8; i++) {
      config.append(" ").append("y".repeat(ConfigLines.MAX_LINE_CHARS + 1)).append('\n');
    }
    config.append(AFTER);
    Reader in = new StringReader(config.toString());
    TextSummary s = new IosConfigReader().read("sw.cfg", new BufferedReader(in), f -> {});

    assertThat(s.problems()).hasSize(6).first().asString().startsWith("line 2 is ");
    assertThat(s.problems().get(5))
        .isEqualTo(
            "3 more lines over "
                + ConfigLines.MAX_LINE_CHARS
                + " characters were cut the same way");
    assertThat(s.recognised()).isEqualTo(1);
  }
}
