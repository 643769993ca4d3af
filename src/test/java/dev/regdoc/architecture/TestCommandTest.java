package dev.regdoc.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bot/test as its user meets it: its last lines count the tests run, failed and skipped from the
 * reports, and say why each group was skipped; and the packages it installs come without Debian's
 * recommended extras (Chromium's would bring a desktop).
 */
class TestCommandTest {
  @TempDir Path reports;

  @Test
  void theSummaryCountsRunFailedAndSkippedAndSaysWhyEachGroupWasSkipped() throws Exception {
    Files.writeString(
        reports.resolve("TEST-PostgresCaseStoreTest.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="PostgresCaseStoreTest" tests="2" skipped="2">
          <testcase name="a" classname="PostgresCaseStoreTest" time="0">
            <skipped message="Assumption failed: no PostgreSQL &quot;server&quot;: set REGDOC_TEST_PG_URL"/>
          </testcase>
          <testcase name="b" classname="PostgresCaseStoreTest" time="0">
            <skipped message="Assumption failed: no PostgreSQL &quot;server&quot;: set REGDOC_TEST_PG_URL"/>
          </testcase>
        </testsuite>
        """);
    Files.writeString(
        reports.resolve("TEST-SomeTest.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="SomeTest" tests="3">
          <testcase name="fine" classname="SomeTest" time="0"/>
          <testcase name="broken" classname="SomeTest" time="0">
            <failure message="expected 1">at somewhere</failure>
          </testcase>
          <testcase name="logsAnError" classname="SomeTest" time="0">
            <system-err>12:00:00.000 ERROR x - deliberately logged</system-err>
          </testcase>
        </testsuite>
        """);
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "src/test/scripts/TestSummary.java",
                reports.toString(),
                reports.resolve("absent").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.strip().lines().toList())
        .containsExactly(
            "bot/test: failed: SomeTest.broken",
            "bot/test: skipped 2 in PostgresCaseStoreTest: no PostgreSQL \"server\": set"
                + " REGDOC_TEST_PG_URL",
            "bot/test: 5 tests run, 1 failed, 2 skipped");
  }

  @Test
  void packagesAreInstalledWithoutRecommendedExtras() throws Exception {
    String script = Files.readString(Path.of("bot/ensure-packages"));
    assertThat(script.lines().filter(l -> l.contains("apt-get install")))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).contains("--no-install-recommends"));
    String test = Files.readString(Path.of("bot/test"));
    assertThat(test).contains("src/test/scripts/TestSummary.java");
  }
}
