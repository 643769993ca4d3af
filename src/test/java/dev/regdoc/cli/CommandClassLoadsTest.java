package dev.regdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command loads only what it uses: each class loaded is start-up work a user waits for. Run as a
 * fresh JVM (class loading is per process), counted from the JVM's own class-load log.
 */
class CommandClassLoadsTest {
  private static final String PCAP = "src/test/resources/fixtures/case-study-2/phone.pcap";

  @TempDir Path dir;

  @Test
  void timelineOfACaptureLoadsNoRuleEngineKnowledgeBaseChartsOrXmlLoggingSetup() throws Exception {
    List<String> loaded = loadedClasses("timeline", PCAP);

    assertThat(loaded).anyMatch(c -> c.startsWith("dev.regdoc.timeline."));
    // the capture library logs, so logging starts; set up in code, not from an XML file
    assertThat(loaded).anyMatch(c -> c.equals(LogSetup.class.getName()));
    assertThat(loaded)
        .noneMatch(c -> c.startsWith("ch.qos.logback.classic.joran."))
        .noneMatch(c -> c.startsWith("ch.qos.logback.core.joran.action."))
        .noneMatch(c -> c.startsWith("com.sun.org.apache.xerces."))
        .noneMatch(c -> c.startsWith("org.drools."))
        .noneMatch(c -> c.startsWith("org.knowm.xchart."))
        .noneMatch(c -> c.startsWith("com.fasterxml.jackson.dataformat.yaml."))
        // nothing was logged: the appenders' patterns are parsed at the first event, not at start
        .noneMatch(c -> c.startsWith("ch.qos.logback.core.pattern.parser."))
        // a plain capture unpacks nothing: no temp folder is made, no old ones swept
        .noneMatch(c -> c.equals("dev.regdoc.common.TempFiles"));
  }

  @Test
  void explainBuildsNoOtherCommandAndParsesNoYamlTheSecondTime() throws Exception {
    loadedClasses("explain", "reason", "13");
    List<String> loaded = loadedClasses("explain", "reason", "13");

    assertThat(loaded).anyMatch(c -> c.equals(ExplainCommand.class.getName()));
    assertThat(loaded)
        .noneMatch(c -> c.startsWith(AnalyzeCommand.class.getName()))
        .noneMatch(c -> c.startsWith(TimelineCommand.class.getName()))
        .noneMatch(c -> c.startsWith(ServeCommand.class.getName()))
        // the knowledge base comes from the copies kept by the first run
        .noneMatch(c -> c.startsWith("org.yaml.snakeyaml."))
        .noneMatch(c -> c.startsWith("org.drools."))
        // a reason code is looked up by number: the concept matcher's Unicode normalising (the
        // JDK's ICU data) and its patterns are built at the first free-text question, not at load
        .noneMatch(c -> c.startsWith("jdk.internal.icu."))
        // the copies are found by a checksum, not a digest: no security providers, no SHA-256
        .noneMatch(c -> c.startsWith("sun.security.provider."));
  }

  /** The class path without the tests' classes: their logback-test.xml would set up logging. */
  private static String productClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> !p.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private List<String> loadedClasses(String... args) throws IOException, InterruptedException {
    Path log = dir.resolve("classes.log");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                productClassPath(),
                "-Xshare:off",
                "-XX:TieredStopAtLevel=1",
                "-Xlog:class+load=info:file=" + log,
                "-Djava.awt.headless=true",
                "-Duser.home=" + dir,
                "-Dregdoc.kb=" + Path.of("knowledge-base").toAbsolutePath(),
                "-Dregdoc.rules=" + Path.of("rules").toAbsolutePath(),
                Main.class.getName()));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ended").isTrue();
    List<String> classes = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      int at = line.indexOf("[class,load] ");
      if (at >= 0) {
        String rest = line.substring(at + "[class,load] ".length());
        int space = rest.indexOf(' ');
        classes.add(space < 0 ? rest : rest.substring(0, space));
      }
    }
    return classes;
  }
}
