package dev.regdoc.common;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The time one analysis may take, checked by the reading and matching loops themselves. A thread
 * running a regular expression or a parser cannot be stopped from outside ({@code
 * Future.cancel(true)} only sets a flag), so every loop that runs per line, per record or per
 * packet calls {@link #checkpoint()}: it throws {@link WorkStopped} once the limit has passed or
 * the thread was interrupted. The limit belongs to the thread that runs the analysis (set with
 * {@link #run}), so the readers deep below need no extra parameter.
 */
public final class WorkLimit {
  private static final ThreadLocal<WorkLimit> CURRENT = new ThreadLocal<>();

  /** Checks between clock reads: reading the clock on every line would cost more than the line. */
  private static final int CHECKS_PER_CLOCK_READ = 64;

  private final LongSupplier nanoTime;
  private final long deadlineNanos;
  private final Duration limit;
  private int sinceClockRead;
  private long steps;

  private WorkLimit(LongSupplier nanoTime, Duration limit) {
    this.nanoTime = nanoTime;
    this.limit = limit;
    this.deadlineNanos = nanoTime.getAsLong() + limit.toNanos();
  }

  /** A limit of {@code limit} from now on the monotonic clock. */
  public static WorkLimit of(Duration limit) {
    return new WorkLimit(System::nanoTime, limit);
  }

  /** A limit measured on {@code nanoTime} (tests pass a clock they move). */
  public static WorkLimit of(Duration limit, LongSupplier nanoTime) {
    return new WorkLimit(nanoTime, limit);
  }

  /** The limit it was made with. */
  public Duration limit() {
    return limit;
  }

  /**
   * Runs {@code work} on this thread under {@code limit}; the thread's earlier limit is restored
   * afterwards and counts the steps taken under the inner one, so work measured from outside
   * includes what ran inside.
   */
  public static <T> T run(WorkLimit limit, Supplier<T> work) {
    WorkLimit before = CURRENT.get();
    long stepsBefore = limit.steps;
    CURRENT.set(limit);
    try {
      return work.get();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
        if (before != limit) {
          before.steps += limit.steps - stepsBefore;
        }
      }
    }
  }

  /**
   * Throws {@link WorkStopped} when this thread's work must stop; cheap enough to call per line or
   * packet.
   */
  public static void checkpoint() {
    WorkLimit limit = CURRENT.get();
    if (Thread.currentThread().isInterrupted()) {
      throw new WorkStopped(WorkStopped.Why.CANCELLED, limit == null ? Duration.ZERO : limit.limit);
    }
    if (limit != null) {
      limit.check();
    }
  }

  private void check() {
    steps++;
    if (++sinceClockRead < CHECKS_PER_CLOCK_READ) {
      return;
    }
    sinceClockRead = 0;
    if (nanoTime.getAsLong() - deadlineNanos > 0) {
      throw new WorkStopped(WorkStopped.Why.TIMED_OUT, limit);
    }
  }

  /**
   * How many checkpoints this limit has seen: the work done, counted in loop steps rather than in
   * time, so a test can tell linear work from quadratic on any machine.
   */
  public long steps() {
    return steps;
  }

  /** True when the limit has passed (read now, not every 64th call). */
  public boolean expired() {
    return nanoTime.getAsLong() - deadlineNanos > 0;
  }
}
