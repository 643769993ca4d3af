package dev.regdoc.common;

/** Waiting for a thread to end. */
public final class Joins {
  private Joins() {}

  /**
   * Waits until {@code thread} has ended, also when interrupted meanwhile: the interrupt is kept
   * for the caller. For a caller that must not go on while the thread still runs (it uses a native
   * handle the caller closes next, or holds the result the caller reads).
   */
  public static void untilEnded(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
