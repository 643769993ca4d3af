package dev.regdoc.diagnosis;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.kie.api.runtime.KieSession;

/**
 * Halts a rule session from outside once its analysis must stop: {@code fireAllRules} runs the
 * rules' own code and checks no limit itself. It looks every {@link #PERIOD_MILLIS} ms, so a halt
 * that came before the session began firing (and was therefore ignored) is repeated.
 */
final class SessionWatchdog implements AutoCloseable {
  static final long PERIOD_MILLIS = 50;
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "regdoc-rule-watchdog");
            t.setDaemon(true);
            return t;
          });

  private final AtomicBoolean halted = new AtomicBoolean();
  private final ScheduledFuture<?> task;

  SessionWatchdog(KieSession session, BooleanSupplier stop) {
    this.task =
        TIMER.scheduleAtFixedRate(
            () -> {
              if (stop.getAsBoolean()) {
                halted.set(true);
                session.halt();
              }
            },
            0,
            PERIOD_MILLIS,
            TimeUnit.MILLISECONDS);
  }

  /** True once the session was halted. */
  boolean halted() {
    return halted.get();
  }

  @Override
  public void close() {
    task.cancel(false);
  }
}
