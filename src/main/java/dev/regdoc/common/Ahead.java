package dev.regdoc.common;

import java.util.function.Supplier;

/**
 * Work started ahead of the moment its result is needed, on a thread of its own, so that a
 * command's start-up pieces that do not depend on each other (the rule base, the knowledge base,
 * reading the files) use both cores. {@link #get()} waits for it and throws what the work threw, as
 * it was thrown, so a caller sees the same exception (and message) as if it had done the work
 * itself. The thread is a daemon: work nobody waits for never keeps the process alive.
 *
 * <p>The outcome is kept in two fields and the caller joins the thread, rather than a future: a
 * future allocates to record a failure, so work that ran out of heap could leave it never completed
 * and its caller waiting forever.
 */
public final class Ahead<T> {
  private final Thread thread;
  private volatile T value;
  private volatile Throwable failure;

  private Ahead(T value) {
    this.thread = null;
    this.value = value;
  }

  private Ahead(String name, Supplier<T> work) {
    this.thread = new Thread(() -> run(work), "regdoc-" + name);
    thread.setDaemon(true);
  }

  /** Starts {@code work} now on a new daemon thread named {@code name}. */
  public static <T> Ahead<T> start(String name, Supplier<T> work) {
    Ahead<T> ahead = new Ahead<>(name, work);
    ahead.thread.start();
    return ahead;
  }

  /** Already done: {@code value}, for callers that load on their own thread. */
  public static <T> Ahead<T> done(T value) {
    return new Ahead<>(value);
  }

  /** The result, waiting for it; the work's own exception when it failed. */
  public T get() {
    waitForThread();
    Throwable e = failure;
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    if (e != null) {
      throw new IllegalStateException(e); // a checked exception thrown sneakily
    }
    return value;
  }

  private void run(Supplier<T> work) {
    try {
      value = work.get();
    } catch (Throwable e) { // handed to the caller of get(), as it was thrown
      failure = e;
    }
  }

  private void waitForThread() {
    if (thread != null) {
      Joins.untilEnded(thread);
    }
  }
}
