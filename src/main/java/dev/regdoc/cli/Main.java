package dev.regdoc.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point of the regdoc command line. */
public final class Main {
  /** Exit code when the Java heap ran out. */
  static final int OUT_OF_MEMORY_EXIT = 4;

  static final String OUT_OF_MEMORY =
      "regdoc: ran out of memory (the Java heap) before the command ended; give it more with"
          + " REGDOC_HEAP (e.g. REGDOC_HEAP=1g), or give it less at once (--device, or cut the"
          + " capture with editcap -A/-B)";

  // the heap's end is said once, though the reading thread and the main thread may both meet it
  private static final AtomicBoolean OUT_OF_MEMORY_SAID = new AtomicBoolean();

  private Main() {}

  public static void main(String[] args) {
    // another thread's failure (a library's cleaner hitting the heap's end, say) gets one line too
    Thread.setDefaultUncaughtExceptionHandler(Main::uncaught);
    System.exit(run(args));
  }

  private static void uncaught(Thread thread, Throwable e) {
    try {
      if (outOfMemory(e)) {
        if (OUT_OF_MEMORY_SAID.compareAndSet(false, true)) {
          System.err.println(OUT_OF_MEMORY);
        }
      } else {
        LoggerFactory.getLogger(Main.class).debug("thread {} failed", thread.getName(), e);
        System.err.println("regdoc: " + thread.getName() + " failed: " + e);
      }
    } catch (Throwable again) {
      // nothing is left to say it with; the main thread still ends with its own line and code
    }
  }

  /**
   * Runs regdoc with {@code args}; returns the exit code. Unexpected errors get one line, no stack
   * trace.
   */
  public static int run(String... args) {
    return run(List.of(), args);
  }

  /**
   * Runs regdoc with {@code args} and the {@code extra} picocli commands of a tool that ships apart
   * from the product (the bench).
   */
  public static int run(List<Object> extra, String... args) {
    OUT_OF_MEMORY_SAID.set(false);
    CommandLine cli =
        extra.isEmpty() ? RegdocCommand.commandLine(args) : RegdocCommand.commandLine();
    extra.forEach(cli::addSubcommand);
    cli.setExecutionExceptionHandler(
        (ex, line, parse) -> {
          if (outOfMemory(ex)) {
            sayOutOfMemory(line.getErr());
            return OUT_OF_MEMORY_EXIT;
          }
          LoggerFactory.getLogger(Main.class).debug("command failed", ex);
          line.getErr()
              .println(
                  "regdoc: "
                      + (ex.getMessage() == null
                          ? ex.getClass().getSimpleName()
                          : ex.getMessage()));
          return 1;
        });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli passes errors through; the heap is spent, so only a short line, no stack trace
      sayOutOfMemory(cli.getErr());
      return OUT_OF_MEMORY_EXIT;
    }
  }

  private static void sayOutOfMemory(PrintWriter err) {
    if (OUT_OF_MEMORY_SAID.compareAndSet(false, true)) {
      err.println(OUT_OF_MEMORY);
      err.flush();
    }
  }

  /** True when {@code e} or what caused it (a reading thread's failure, say) is the heap's end. */
  private static boolean outOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }
}
