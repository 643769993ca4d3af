package dev.regdoc.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work started ahead of the moment its result is needed, on a thread of its own, so that a
 * command's start-up pieces that do not depend on each other (the rule base, the knowledge base,
 * reading the files) use both cores. {@link #get()} waits for it and throws what the work threw, as
 * it was thrown, so a caller sees the same exception (and message) as if it had done the work
 * itself. The thread is a daemon: work nobody waits for never keeps the process alive.
 */
public final class Ahead<T> {
  private final CompletableFuture<T> result;

  private Ahead(CompletableFuture<T> result) {
    this.result = result;
  }

  /** Starts {@code work} now on a new daemon thread named {@code name}. */
  public static <T> Ahead<T> start(String name, Supplier<T> work) {
    return new Ahead<>(
        CompletableFuture.supplyAsync(
            work,
            task -> {
              Thread t = new Thread(task, "regdoc-" + name);
              t.setDaemon(true);
              t.start();
            }));
  }

  /** Already done: {@code value}, for callers that load on their own thread. */
  public static <T> Ahead<T> done(T value) {
    return new Ahead<>(CompletableFuture.completedFuture(value));
  }

  /** The result, waiting for it; the work's own exception when it failed. */
  public T get() {
    try {
      return result.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
