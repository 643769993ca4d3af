package dev.regdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first hour with the built product, as a user meets it in a terminal: {@code bot/regdoc} run
 * from a folder of their own with relative paths, and the terminal chat on a real terminal (a
 * pseudo-terminal made by util-linux's {@code script}): a symptom, a mistyped file name, the files,
 * the answer with Markdown shown bold, and the pictures at the paths it names.
 */
class TerminalFirstHourIT {
  private static final Path REPO = Path.of("").toAbsolutePath();
  private static final Path CASE2 = REPO.resolve("src/test/resources/fixtures/case-study-2");
  private static final Pattern PICTURE =
      Pattern.compile("Picture: [^\\r\\n]+?: (/[^\\r\\n]+\\.png)");
  private static final Duration TURN = Duration.ofMinutes(4);

  @TempDir Path tmp;

  private Path caseFolder() throws IOException {
    Path cases = Files.createDirectories(tmp.resolve("cases"));
    for (String f : List.of("phone.pcap", "cucm.pcap", "switch-config.txt")) {
      Files.copy(CASE2.resolve(f), cases.resolve(f));
    }
    return cases;
  }

  private ProcessBuilder launcher(Path cwd, List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("REGDOC_"));
    pb.environment().put("HOME", tmp.resolve("home").toString());
    pb.environment().put("TERM", "xterm-256color");
    pb.environment().remove("NO_COLOR");
    return pb;
  }

  @Test
  void analyzeFromTheUsersFolderReadsTheirRelativePathsAndWritesTheChartsThere() throws Exception {
    Path cases = caseFolder();
    Process p =
        launcher(
                cases,
                List.of(
                    REPO.resolve("bot/regdoc").toString(),
                    "analyze",
                    "phone.pcap",
                    "switch-config.txt",
                    "--chart",
                    "pics"))
            .start();
    p.getOutputStream().close();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
    errReader.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    errReader.join();
    assertThat(p.exitValue()).as("stderr: %s", err).isZero();
    assertThat(out)
        .contains("port-security-aging")
        .contains("phone.pcap (pcap")
        .doesNotContain("NOT READ");
    try (Stream<Path> pics = Files.list(cases.resolve("pics"))) {
      assertThat(pics.map(f -> f.getFileName().toString()))
          .anyMatch(n -> n.startsWith("timeline-") && n.endsWith(".png"))
          .anyMatch(n -> n.startsWith("ladder-") && n.endsWith(".png"));
    }
  }

  @Test
  void theTerminalChatOnATerminalAnswersWithBoldTextAndPicturesWhereItSays() throws Exception {
    assumeTrue(
        new ProcessBuilder("script", "--version").start().waitFor() == 0,
        "util-linux script makes the pseudo-terminal");
    Path cases = caseFolder();
    String chat = REPO.resolve("bot/regdoc") + " chat --data-dir data";
    Process p = launcher(cases, List.of("script", "-qfec", chat, "/dev/null")).start();
    Terminal term = new Terminal(p);
    try {
      term.await("Ctrl+D to leave", TURN);
      term.say("help");
      String help = term.await("teach me", TURN);
      assertThat(help).as("bold on a terminal").contains("\u001b[1m").doesNotContain("**");

      term.say("SEP0024142DDF24 drops to the secondary every 16 minutes");
      term.await("SIP or with SCCP", TURN);
      term.say("cucm.pcapp");
      String typo = term.await("closest existing name", TURN);
      assertThat(typo).contains("Not found: cucm.pcapp").doesNotContain("did not understand");

      term.say("phone.pcap switch-config.txt");
      String answer = term.await("message sequence around port-security-aging", TURN);
      assertThat(answer).contains("port-security-aging").contains("GigabitEthernet1/0/12");
      term.await("|<---", TURN);
      Matcher m = PICTURE.matcher(term.all());
      int pictures = 0;
      while (m.find()) {
        Path picture = Path.of(m.group(1).strip());
        assertThat(picture).startsWith(cases.resolve("data/pictures")).isRegularFile();
        assertThat(Files.readAllBytes(picture)).startsWith(0x89, 'P', 'N', 'G');
        pictures++;
      }
      assertThat(pictures).as("pictures named in: %s", term.all()).isGreaterThanOrEqualTo(2);

      term.send("\u0004"); // Ctrl+D: the end of input, as a user leaves
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).as(term.all()).isTrue();
      assertThat(p.exitValue()).as(term.all()).isZero();
    } finally {
      p.destroyForcibly();
    }
  }

  private static void copy(InputStream in, OutputStream out) {
    try {
      in.transferTo(out);
    } catch (IOException e) {
      // the process ended
    }
  }

  /** The terminal's output as it comes, and typing into it. */
  private static final class Terminal {
    private final Process process;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
    private int from;

    Terminal(Process process) {
      this.process = process;
      Thread reader =
          new Thread(
              () -> {
                byte[] buf = new byte[8192];
                try (InputStream in = process.getInputStream()) {
                  for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    synchronized (seen) {
                      seen.write(buf, 0, n);
                    }
                  }
                } catch (IOException e) {
                  // the process ended
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    String all() {
      synchronized (seen) {
        return seen.toString(StandardCharsets.UTF_8);
      }
    }

    void say(String line) throws IOException {
      send(line + "\r");
    }

    void send(String keys) throws IOException {
      from = all().length();
      process.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
    }

    /** The output since the last line typed, once it holds {@code text}. */
    String await(String text, Duration limit) throws InterruptedException {
      Instant end = Instant.now().plus(limit);
      while (Instant.now().isBefore(end)) {
        String since = all().substring(Math.min(from, all().length()));
        if (since.contains(text)) {
          return since;
        }
        if (!process.isAlive()) {
          break;
        }
        Thread.sleep(100);
      }
      throw new AssertionError("no \"" + text + "\" on the terminal; it shows:\n" + all());
    }
  }
}
