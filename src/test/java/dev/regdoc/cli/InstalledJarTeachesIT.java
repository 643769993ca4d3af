package dev.regdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as it is installed: the built jar, its libraries, knowledge-base/ and rules/ copied
 * to a folder outside the repository and run from yet another folder in a fresh JVM, without
 * -Dregdoc.kb. The teaching mode finds its lessons next to the jar, and names the lesson's files by
 * paths that exist on this machine, inside that installation.
 */
class InstalledJarTeachesIT {
  private static final Path REPO = Path.of("").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void aJarCopiedOutOfTheRepositoryTeachesTheFirstLesson() throws Exception {
    Path install = Files.createDirectories(tmp.resolve("regdoc"));
    Files.copy(builtJar(), install.resolve("regdoc.jar"));
    copyTree(REPO.resolve("target/lib"), install.resolve("lib"));
    copyTree(REPO.resolve("knowledge-base"), install.resolve("knowledge-base"));
    copyTree(REPO.resolve("rules"), install.resolve("rules"));
    Path workDir = Files.createDirectories(tmp.resolve("somewhere-else"));
    Path output = tmp.resolve("chat.out");

    Process chat =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-Duser.home=" + tmp,
                "-jar",
                install.resolve("regdoc.jar").toString(),
                "chat",
                "--data-dir",
                tmp.resolve("data").toString(),
                "--user",
                "learner")
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    chat.getOutputStream().write("teach me\n1\n".getBytes(StandardCharsets.UTF_8));
    chat.getOutputStream().close();
    assertThat(chat.waitFor(4, TimeUnit.MINUTES)).as("the chat ends with its input").isTrue();
    String shown = Files.readString(output);

    assertThat(chat.exitValue()).as(shown).isZero();
    assertThat(shown)
        .contains("SCCP phones restart because the ASA answers ARP for CUCM")
        .contains("These files reproduce the case")
        .contains("Question 1 of 4")
        .doesNotContain(REPO.toString());
    Path lesson = install.resolve("knowledge-base/lessons/case-1-2-proxy-arp");
    List<Path> named =
        shown.lines().filter(l -> l.startsWith("- /")).map(l -> Path.of(l.substring(2))).toList();
    assertThat(named)
        .as(shown)
        .containsExactly(
            lesson.resolve("asa-config.txt"),
            lesson.resolve("cucm-syslog.log"),
            lesson.resolve("cucm.pcap"),
            lesson.resolve("phone.pcap"));
    for (Path p : named) {
      assertThat(Files.readAllBytes(p))
          .as("%s is the lesson's own file", p)
          .isEqualTo(
              Files.readAllBytes(
                  REPO.resolve("knowledge-base/lessons/case-1-2-proxy-arp")
                      .resolve(p.getFileName())));
    }
  }

  private static Path builtJar() throws IOException {
    try (Stream<Path> s = Files.list(REPO.resolve("target"))) {
      return s.filter(p -> p.getFileName().toString().matches("regdoc-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-bench.jar"))
          .findFirst()
          .orElseThrow(
              () -> new AssertionError("no built jar in target/: run mvn package (or verify)"));
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
