package dev.regdoc.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The commands of the cold table and how regdoc is started for them: through the launcher a user
 * runs ({@code bot/regdoc}) when the bench itself runs from the built jars, otherwise (the tests,
 * which must not rebuild the jars) through this JVM's class path.
 */
final class ColdRows {
  private final List<String> regdoc;

  ColdRows(List<String> regdoc) {
    this.regdoc = List.copyOf(regdoc);
  }

  /** The launcher given, else bot/regdoc of the project the bench jar was built in, else java. */
  static ColdRows locate(Path launcher) {
    if (launcher != null) {
      return new ColdRows(List.of(launcher.toString()));
    }
    return new ColdRows(
        projectLauncher().map(p -> List.of(p.toString())).orElseGet(ColdRows::java));
  }

  /**
   * Waits while the launcher is still making a command's class-data archive in the background (a
   * hidden file in its target/cds), at most a minute: as a user reading the answer before the next
   * command would, so that one run's archive making is not counted in the next run's time.
   */
  void awaitArchives() throws InterruptedException {
    if (regdoc.size() != 1) {
      return;
    }
    Path cds = Path.of(regdoc.get(0)).toAbsolutePath().getParent().resolveSibling("target/cds");
    for (int i = 0; i < 600 && makingArchive(cds); i++) {
      Thread.sleep(100);
    }
  }

  private static boolean makingArchive(Path cds) {
    if (!Files.isDirectory(cds)) {
      return false;
    }
    try (Stream<Path> s = Files.list(cds)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith("."));
    } catch (IOException e) {
      return false;
    }
  }

  String how() {
    return String.join(" ", regdoc.size() > 1 ? regdoc.subList(0, 1) : regdoc);
  }

  private static Optional<Path> projectLauncher() {
    return projectDir().map(d -> d.resolve("bot").resolve("regdoc")).filter(Files::isExecutable);
  }

  /** The project the bench jar was built in (the jar is in its target/), when run from a jar. */
  static Optional<Path> projectDir() {
    try {
      Path code =
          Path.of(ColdRows.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!code.toString().endsWith(".jar") || code.getParent() == null) {
        return Optional.empty();
      }
      return Optional.ofNullable(code.getParent().getParent());
    } catch (URISyntaxException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** {@code path} as given when it exists, else inside the project the bench was built in. */
  static Path inProject(Path path) {
    if (Files.exists(path) || path.isAbsolute()) {
      return path;
    }
    return projectDir().map(d -> d.resolve(path)).filter(Files::exists).orElse(path);
  }

  private static List<String> java() {
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    c.add("-Djava.awt.headless=true");
    for (String p : List.of("regdoc.kb", "regdoc.rules")) {
      if (System.getProperty(p) != null) {
        c.add("-D" + p + "=" + System.getProperty(p));
      }
    }
    c.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.regdoc.cli.Main"));
    return c;
  }

  ColdBench.Row analyze(Path fixtures) throws IOException {
    List<Path> files = files(fixtures);
    List<String> c = command("analyze");
    files.forEach(f -> c.add(f.toString()));
    return new ColdBench.Row(
        "analyze " + fixtures.getFileName() + "/* (" + files.size() + " files)",
        c,
        tshark(files.stream().filter(ColdRows::isCapture).toList()));
  }

  /**
   * analyze of one generated capture, without tshark beside it (its timeline row has tshark on the
   * same file): the memory of an answer on a capture of this size.
   */
  ColdBench.Row analyzeCapture(Path capture, String what) throws IOException {
    List<String> c = command("analyze");
    c.addAll(List.of("--max-file-size", fittingLimitMb(capture), capture.toString()));
    return new ColdBench.Row("analyze, " + what, c, List.of());
  }

  /**
   * A --max-file-size that fits the capture: a refused file is "nothing read", which is no failure
   * of the command and would be timed as an answer.
   */
  private static String fittingLimitMb(Path capture) throws IOException {
    return Long.toString((Files.size(capture) >> 20) + 1);
  }

  ColdBench.Row timelineJson(Path capture, String what) throws IOException {
    List<String> c = command("timeline");
    c.addAll(
        List.of(
            "--format", "json", "--max-file-size", fittingLimitMb(capture), capture.toString()));
    return new ColdBench.Row("timeline --format json, " + what, c, tshark(List.of(capture)));
  }

  ColdBench.Row timeline(Path capture, String what) {
    List<String> c = command("timeline");
    c.add(capture.toString());
    return new ColdBench.Row("timeline, " + what, c, tshark(List.of(capture)));
  }

  ColdBench.Row explainReason13() {
    List<String> c = command("explain");
    c.addAll(List.of("reason", "13"));
    return new ColdBench.Row("explain reason 13", c, List.of());
  }

  /** The bot with its web chat on a free port, on this config, without the terminal chat. */
  List<String> serve(Path config) {
    List<String> c = command("serve");
    c.addAll(List.of("--no-terminal", "--port", "0", "--config", config.toString()));
    return c;
  }

  private List<String> command(String name) {
    List<String> c = new ArrayList<>(regdoc);
    c.add(name);
    return c;
  }

  private static List<List<String>> tshark(List<Path> captures) {
    return captures.stream().map(TsharkBench::command).toList();
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("README.md"))
          .sorted()
          .toList();
    }
  }

  static boolean isCapture(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".pcap") || n.endsWith(".pcapng");
  }
}
