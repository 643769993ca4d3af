package dev.regdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How bot/regdoc starts the JVM for a command, run against a fake {@code java} that records its
 * arguments and writes the files the real one would: a JDK 17 gets a class-data-sharing archive, a
 * JDK 24+ (named by REGDOC_JAVA) an AOT cache; either is made on the first run of a command and
 * made again when the jar changes; the command's exit status survives the run that makes it.
 */
class LauncherArchiveTest {
  private static final Path LAUNCHER = Path.of("bot/regdoc").toAbsolutePath();

  @TempDir Path tmp;
  private Path repo;
  private Path log;

  @BeforeEach
  void aRepositoryWithTheLauncherABuiltJarAndTwoFakeJdks() throws IOException {
    repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("bot"));
    Files.createDirectories(repo.resolve("target"));
    Files.copy(LAUNCHER, repo.resolve("bot/regdoc"));
    script(repo.resolve("bot/ensure-packages"), "exit 0\n");
    Files.writeString(repo.resolve("target/regdoc-0.1.0-SNAPSHOT.jar"), "jar 1");
    Files.writeString(repo.resolve("target/regdoc-0.1.0-SNAPSHOT-bench.jar"), "bench");
    log = tmp.resolve("java.log");
    fakeJdk("jdk17", "17.0.15");
    fakeJdk("jdk25", "25.0.3");
  }

  /**
   * A java that appends its arguments to the log, writes the class list / AOT configuration a
   * training run would and the archive / cache a dump would, and exits with FAKE_STATUS for the
   * command itself.
   */
  private void fakeJdk(String name, String version) throws IOException {
    Path home = Files.createDirectories(tmp.resolve(name));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Files.createDirectories(home.resolve("bin"));
    script(
        home.resolve("bin/java"),
        """
        echo "%s $*" >>"$FAKE_LOG"
        status=${FAKE_STATUS:-0}
        for a in "$@"; do
          case "$a" in
            -XX:DumpLoadedClassList=*) echo "java/lang/Object id: 1" >"${a#*=}" ;;
            -XX:AOTConfiguration=*) config="${a#*=}" ;;
            -XX:AOTMode=record) record=1 ;;
            -XX:AOTMode=create) create=1 ;;
            -XX:AOTCache=*) cache="${a#*=}" ;;
            -Xshare:dump) dump=1 ;;
            -XX:SharedArchiveFile=*) archive="${a#*=}" ;;
          esac
        done
        [ -n "${record:-}" ] && echo "config" >"$config"
        if [ -n "${create:-}${dump:-}" ] && [ -n "${FAKE_RELEASE:-}" ]; then
          while [ ! -f "$FAKE_RELEASE" ]; do sleep 0.05; done
        fi
        [ -n "${create:-}" ] && { echo "cache" >"$cache"; status=0; }
        [ -n "${dump:-}" ] && { echo "archive" >"$archive"; status=0; }
        exit "$status"
        """
            .formatted(name));
  }

  private static void script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/usr/bin/env bash\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private int run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(repo.resolve("bot/regdoc").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("REGDOC_"));
    pb.environment().put("PATH", tmp.resolve("jdk17/bin") + ":" + System.getenv("PATH"));
    pb.environment().put("FAKE_LOG", log.toString());
    pb.environment().putAll(env);
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
    return p.exitValue();
  }

  /**
   * The fake java runs logged since the last call, once {@code count} have been: the dump that
   * makes the archive runs detached from the command, so it may come after the command returned.
   */
  private List<String> calls(int count) throws Exception {
    for (int i = 0; i < 600 && !dumped(count); i++) {
      Thread.sleep(50);
    }
    return calls();
  }

  /** True once {@code count} runs were logged and no half-made archive is left in target/cds. */
  private boolean dumped(int count) throws IOException {
    Path dir = repo.resolve("target/cds");
    boolean making;
    try (Stream<Path> s = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      making = s.anyMatch(p -> p.getFileName().toString().startsWith("."));
    }
    return !making && (Files.exists(log) ? Files.readAllLines(log).size() : 0) >= count;
  }

  /** The fake java runs logged since the last call, one line each: "jdkNN args...". */
  private List<String> calls() throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    Files.deleteIfExists(log);
    return lines;
  }

  private List<String> archives() throws IOException {
    Path dir = repo.resolve("target/cds");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private void rebuildJar() throws IOException {
    Path jar = repo.resolve("target/regdoc-0.1.0-SNAPSHOT.jar");
    Files.writeString(jar, "jar 2, rebuilt");
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
  }

  /**
   * Java takes its home folder from the password file, not from $HOME: run with HOME set elsewhere
   * (a container, sudo -E, a CI job), the data folder and log would land in the account's own home.
   */
  @Test
  void theJvmSeesTheHomeFolderOfTheEnvironment() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("elsewhere home"));
    assertThat(run(Map.of("HOME", home.toString()), "explain", "reason", "13")).isZero();
    assertThat(calls(2).get(0)).contains("-Duser.home=" + home + " ");
  }

  @Test
  void aJdk17MakesAClassDataArchiveOnTheFirstRunAndMapsItAfter() throws Exception {
    assertThat(run(Map.of(), "explain", "reason", "13")).isZero();
    List<String> first = calls(2);
    assertThat(first).hasSize(2);
    assertThat(first.get(0)).startsWith("jdk17 ").contains("-XX:DumpLoadedClassList=");
    assertThat(first.get(1)).contains("-Xshare:dump").doesNotContain("AOT");
    assertThat(archives()).singleElement().asString().startsWith("explain-").endsWith(".jsa");

    assertThat(run(Map.of(), "explain", "reason", "13")).isZero();
    assertThat(calls())
        .singleElement()
        .asString()
        .contains("-XX:SharedArchiveFile=" + repo.resolve("target/cds/" + archives().get(0)))
        .doesNotContain("AOT")
        .endsWith("explain reason 13");
  }

  @Test
  void aJdk25NamedByRegdocJavaMakesAnAotCacheOnTheFirstRunAndUsesItAfter() throws Exception {
    Map<String, String> jdk25 = Map.of("REGDOC_JAVA", tmp.resolve("jdk25/bin/java").toString());
    assertThat(run(jdk25, "timeline", "phone.pcap")).isZero();
    List<String> first = calls(2);
    assertThat(first).hasSize(2);
    assertThat(first.get(0))
        .startsWith("jdk25 ")
        .contains("-XX:AOTMode=record", "-XX:AOTConfiguration=", "--enable-native-access=")
        .endsWith("timeline phone.pcap");
    assertThat(first.get(1)).contains("-XX:AOTMode=create", "-XX:AOTCache=");
    assertThat(String.join("\n", first)).doesNotContain("SharedArchiveFile", "Xshare");
    assertThat(archives()).singleElement().asString().startsWith("timeline-").endsWith(".aot");

    assertThat(run(jdk25, "timeline", "phone.pcap")).isZero();
    assertThat(calls())
        .singleElement()
        .asString()
        .startsWith("jdk25 ")
        .contains("-XX:AOTCache=" + repo.resolve("target/cds/" + archives().get(0)))
        .doesNotContain("AOTMode");
  }

  @Test
  void aRebuiltJarGetsANewArchiveInPlaceOfTheOld() throws Exception {
    Map<String, String> jdk25 = Map.of("REGDOC_JAVA", tmp.resolve("jdk25/bin/java").toString());
    run(jdk25, "explain", "reason", "13");
    calls(2);
    run(Map.of(), "explain", "reason", "13");
    calls(2);
    List<String> before = archives();
    assertThat(before).hasSize(2);

    rebuildJar();
    run(jdk25, "explain", "reason", "13");
    assertThat(calls(2)).anySatisfy(c -> assertThat(c).contains("-XX:AOTMode=record"));
    run(Map.of(), "explain", "reason", "13");
    assertThat(calls(2)).anySatisfy(c -> assertThat(c).contains("-XX:DumpLoadedClassList="));
    List<String> after = archives();
    assertThat(after).hasSize(2).doesNotContainAnyElementsOf(before);
  }

  /**
   * The first run answers and returns while the archive is still being made: its dump waits here
   * until the test releases it, after the command has returned.
   */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void theFirstRunReturnsWithoutWaitingForItsArchive() throws Exception {
    Path release = tmp.resolve("release-the-dump");
    for (Map<String, String> jdk :
        List.of(
            Map.of("FAKE_RELEASE", release.toString()),
            Map.of(
                "FAKE_RELEASE",
                release.toString(),
                "REGDOC_JAVA",
                tmp.resolve("jdk25/bin/java").toString()))) {
      Files.deleteIfExists(release);
      assertThat(run(jdk, "explain", "reason", "13")).isZero();
      assertThat(archives()).as("the dump is still waiting").noneMatch(a -> !a.startsWith("."));
      // the training run, then the dump, which has started and waits for the release
      for (int i = 0; i < 600 && (!Files.exists(log) || Files.readAllLines(log).size() < 2); i++) {
        Thread.sleep(50);
      }
      List<String> first = calls();
      assertThat(first).hasSize(2);
      assertThat(first.get(0)).containsAnyOf("DumpLoadedClassList", "AOTMode=record");
      assertThat(first.get(1)).containsAnyOf("Xshare:dump", "AOTMode=create");
      // a second run meanwhile neither waits nor trains again: its archive is on its way
      assertThat(run(jdk, "explain", "reason", "13")).isZero();
      assertThat(calls())
          .singleElement()
          .asString()
          .doesNotContain("DumpLoadedClassList", "AOTMode", "SharedArchiveFile", "AOTCache")
          .endsWith("explain reason 13");
      Files.writeString(release, "go");
      assertThat(calls(0)).isEmpty();
      assertThat(archives()).singleElement().asString().startsWith("explain-");
      Files.walk(repo.resolve("target/cds"))
          .filter(Files::isRegularFile)
          .forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void theCommandsExitStatusSurvivesTheRunThatMakesTheArchive() throws Exception {
    Map<String, String> failing = Map.of("FAKE_STATUS", "2");
    assertThat(run(failing, "explain", "reason", "999")).isEqualTo(2);
    Map<String, String> jdk25 =
        Map.of("REGDOC_JAVA", tmp.resolve("jdk25/bin/java").toString(), "FAKE_STATUS", "2");
    assertThat(run(jdk25, "explain", "reason", "999")).isEqualTo(2);
    // a run that failed loaded only part of what the command needs: it makes no archive, the next
    // run that ends well does
    assertThat(calls(2))
        .hasSize(2)
        .noneMatch(c -> c.contains("-Xshare:dump") || c.contains("create"));
    assertThat(archives()).isEmpty();
    assertThat(run(Map.of(), "explain", "reason", "13")).isZero();
    assertThat(calls(2)).anySatisfy(c -> assertThat(c).contains("-Xshare:dump"));
    assertThat(archives()).singleElement().asString().startsWith("explain-");
  }

  @Test
  void aRegdocJavaThatIsNoJavaIsNamedAndNothingRuns() throws Exception {
    Path missing = tmp.resolve("no-such-jdk/bin/java");
    List<String> command =
        List.of(repo.resolve("bot/regdoc").toString(), "explain", "reason", "13");
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().put("REGDOC_JAVA", missing.toString());
    pb.environment().put("FAKE_LOG", log.toString());
    pb.environment().put("PATH", tmp.resolve("jdk17/bin") + ":" + System.getenv("PATH"));
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(3);
    assertThat(out).contains("REGDOC_JAVA", missing.toString());
    assertThat(calls()).isEmpty();
  }
}
