package dev.regdoc.diagnosis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a rule folder into its cache in a JVM of its own, for a command that is about to read a
 * large input under a small heap. Compiling the DRL leaves the process it ran in larger for good
 * (the compiler's classes and compiled code, a heap grown by its garbage): beside a 2 GB capture
 * that put a first run after a rule edit 26 MB over what the same run reads with the rules cached.
 * The caller waits for the child before it reads, so the two never hold memory at once, then reads
 * the rules back from the cache as on any later start.
 *
 * <p>When the child fails (a rule that does not compile, no Java to start) nothing is lost: the
 * caller compiles in its own process as before, and a rule error is reported there with its file
 * and line.
 */
public final class ApartRuleCompiler {
  private static final Logger LOG = LoggerFactory.getLogger(ApartRuleCompiler.class);

  /** The child's heap: compiling the shipped rules peaks under 200 MB of RSS with it. */
  static final String CHILD_HEAP = "-Xmx160m";

  private static final long WAIT_MINUTES = 5;

  private ApartRuleCompiler() {}

  /**
   * Makes sure {@code cacheDir} holds the compiled rules of {@code folder}, compiling them in a
   * child JVM when it does not. True when the cache holds them afterwards; false when the child
   * could not make them (the caller then compiles them itself).
   */
  public static boolean fill(Path folder, Path cacheDir) {
    List<Path> drl;
    try {
      drl = RuleBase.drlFiles(folder);
    } catch (RuleBaseException e) {
      return false; // the caller's own load reports it
    }
    Path cached = new CompiledRuleCache(cacheDir).fileFor(drl);
    if (Files.isRegularFile(cached)) {
      return true;
    }
    Optional<List<String>> command = childCommand(folder, cacheDir);
    if (command.isEmpty()) {
      return false;
    }
    try {
      Process child =
          new ProcessBuilder(command.get())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!child.waitFor(WAIT_MINUTES, TimeUnit.MINUTES)) {
        child.destroyForcibly();
        LOG.debug("compiling the rules apart took over {} minutes", WAIT_MINUTES);
        return false;
      }
      LOG.debug("rules compiled apart, exit {}", child.exitValue());
    } catch (IOException e) {
      LOG.debug("could not start a JVM to compile the rules", e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return Files.isRegularFile(cached);
  }

  /** This JVM's java and class path, running {@link #main} on the two folders. */
  static Optional<List<String>> childCommand(Path folder, Path cacheDir) {
    Optional<String> java = ProcessHandle.current().info().command();
    String classPath = System.getProperty("java.class.path", "");
    if (java.isEmpty() || classPath.isEmpty()) {
      return Optional.empty();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(java.get());
    cmd.add(CHILD_HEAP);
    cmd.add("-XX:+UseParallelGC");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Duser.home=" + System.getProperty("user.home"));
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(ApartRuleCompiler.class.getName());
    cmd.add(folder.toAbsolutePath().toString());
    cmd.add(cacheDir.toAbsolutePath().toString());
    return Optional.of(cmd);
  }

  /** The child: compiles {@code args[0]} into the cache folder {@code args[1]}; 0 when it did. */
  public static void main(String[] args) {
    try {
      RuleBase.load(Path.of(args[0]), Path.of(args[1])).files();
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
    System.exit(0);
  }
}
