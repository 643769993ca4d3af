package dev.regdoc.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every temporary file regdoc writes (uploads on their way in, unpacked gzip and zip entries) lives
 * in one folder of this process, {@code regdoc-<pid>-<start>-...}: under the data directory's
 * {@code tmp} when the bot runs, under the system temp folder for the command line. A killed
 * process cannot clean up after itself, so whoever opens a parent folder first deletes the folders
 * of processes that no longer run.
 */
public final class TempFiles {
  private static final Logger LOG = LoggerFactory.getLogger(TempFiles.class);
  private static final Pattern FOLDER = Pattern.compile("regdoc-(\\d+)-(\\d+)-.*");

  /**
   * Loose temp files that versions before the per-process folders left in the system temp folder.
   */
  private static final Pattern LOOSE_FILE =
      Pattern.compile("regdoc-(?:web-|slack-)?\\d+\\.(?:upload|gunzip|entry)");

  /** A loose file younger than this may still belong to a running process of an earlier version. */
  private static final Duration LOOSE_FILE_AGE = Duration.ofDays(1);

  private static final AtomicBoolean LOOSE_FILES_SWEPT = new AtomicBoolean();
  private static final Map<Path, TempFiles> OPEN = new ConcurrentHashMap<>();
  private static final Path SYSTEM_TEMP = Path.of(System.getProperty("java.io.tmpdir"));
  private static volatile Path processParent = SYSTEM_TEMP;

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> OPEN.values().forEach(t -> deleteTree(t.folder)), "regdoc-temp-cleanup"));
  }

  private final Path folder;
  private final AtomicLong largest = new AtomicLong();

  private TempFiles(Path folder) {
    this.folder = folder;
  }

  /**
   * This process's temp files: under the data directory once {@link #useDataDir} was called, else
   * the system's.
   */
  public static TempFiles process() {
    return under(processParent);
  }

  /**
   * From now on this process keeps its temp files under {@code dataDir/tmp} (swept of dead
   * processes' folders).
   */
  public static void useDataDir(Path dataDir) {
    processParent = dataDir.resolve("tmp");
    process();
  }

  /** Back to the system temp folder (tests that moved it). */
  static void useSystemTemp() {
    processParent = SYSTEM_TEMP;
  }

  /**
   * This process's folder under {@code parent}, made (after sweeping {@code parent}) on first use.
   */
  public static TempFiles under(Path parent) {
    return OPEN.computeIfAbsent(parent.toAbsolutePath().normalize(), TempFiles::open);
  }

  private static TempFiles open(Path parent) {
    try {
      Files.createDirectories(parent);
      if (LOOSE_FILES_SWEPT.compareAndSet(false, true)) {
        int loose = sweepLooseFiles(SYSTEM_TEMP);
        if (loose > 0) {
          LOG.info(
              "temp files that earlier regdoc versions left under {} deleted: {}",
              SYSTEM_TEMP,
              loose);
        }
      }
      int swept = sweep(parent);
      if (swept > 0) {
        LOG.info(
            "temp folders of regdoc processes that no longer run, under {}, deleted: {}",
            parent,
            swept);
      }
      ProcessHandle me = ProcessHandle.current();
      String prefix = "regdoc-" + me.pid() + "-" + startMillis(me).orElse(0L) + "-";
      return new TempFiles(Files.createTempDirectory(parent, prefix));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot make a temp folder under " + parent + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes the folders under {@code parent} of regdoc processes that no longer run; returns how
   * many.
   */
  public static int sweep(Path parent) throws IOException {
    int n = 0;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, "regdoc-*")) {
      for (Path d : dirs) {
        Matcher m = FOLDER.matcher(d.getFileName().toString());
        if (m.matches()
            && Files.isDirectory(d)
            && !running(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))) {
          deleteTree(d);
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Deletes the loose temp files of earlier versions under {@code parent} that are over a day old;
   * returns how many.
   */
  static int sweepLooseFiles(Path parent) {
    Instant before = Instant.now().minus(LOOSE_FILE_AGE);
    int n = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(parent, "regdoc-*")) {
      for (Path f : files) {
        if (LOOSE_FILE.matcher(f.getFileName().toString()).matches()
            && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
            && Files.getLastModifiedTime(f).toInstant().isBefore(before)
            && Files.deleteIfExists(f)) {
          n++;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot sweep the temp folder {}: {}", parent, e.getMessage());
    }
    return n;
  }

  /**
   * True when process {@code pid} runs and is the one that started at {@code startMillis} (pids are
   * reused).
   */
  static boolean running(long pid, long startMillis) {
    Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (p.isEmpty()) {
      return false;
    }
    Optional<Long> started = startMillis(p.get());
    return startMillis == 0 || started.isEmpty() || Math.abs(started.get() - startMillis) < 1000;
  }

  private static Optional<Long> startMillis(ProcessHandle p) {
    return p.info().startInstant().map(Instant::toEpochMilli);
  }

  /** The folder of this process. */
  public Path folder() {
    return folder;
  }

  /** A new empty file in this process's folder. */
  public Path newFile(String prefix, String suffix) throws IOException {
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder); // someone cleaned the temp folder under a running process
    }
    return Files.createTempFile(folder, prefix, suffix);
  }

  /**
   * Deletes a temp file once done with it, noting its size (the disk one temp file took at most).
   */
  public void delete(Path file) throws IOException {
    if (Files.exists(file)) {
      largest.accumulateAndGet(Files.size(file), Math::max);
    }
    Files.deleteIfExists(file);
  }

  /** The largest file {@link #delete} has removed so far, in bytes. */
  public long largestDeleted() {
    return largest.get();
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot delete the temp folder {}: {}", dir, e.getMessage());
    }
  }
}
