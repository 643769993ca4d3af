package dev.regdoc.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The boundaries the design depends on, checked on the sources. */
class PackageBoundariesTest {
  private static final Path MAIN = Path.of("src/main/java/dev/regdoc");

  @Test
  void onlyTheCapturePackageImportsPcap4j() throws IOException {
    assertThat(importersOf("org.pcap4j")).allMatch(p -> p.startsWith(MAIN.resolve("capture")));
  }

  @Test
  void onlyTheDiagnosisPackageImportsDrools() throws IOException {
    assertThat(importersOf("org.kie")).allMatch(p -> p.startsWith(MAIN.resolve("diagnosis")));
    assertThat(importersOf("org.drools")).allMatch(p -> p.startsWith(MAIN.resolve("diagnosis")));
  }

  @Test
  void theCoreNeverImportsAChatSdk() throws IOException {
    for (String sdk : List.of("com.slack", "net.dv8tion")) {
      assertThat(importersOf(sdk)).allMatch(p -> p.toString().contains("/adapter/"));
    }
  }

  private static List<Path> importersOf(String pkg) throws IOException {
    Pattern imp =
        Pattern.compile("^import (static )?" + Pattern.quote(pkg) + "\\.", Pattern.MULTILINE);
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(
              p -> {
                try {
                  return imp.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              })
          .toList();
    }
  }

  @Test
  void theScanSeesTheKnownImporters() throws IOException {
    // guards the scan itself: if it found nothing, the tests above would pass vacuously
    assertThat(importersOf("org.pcap4j")).isNotEmpty();
    assertThat(importersOf("org.kie")).isNotEmpty();
  }
}
