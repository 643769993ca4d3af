package dev.regdoc.cli;

import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.util.function.Supplier;

/**
 * An appender made at the first event that reaches it: a command that logs nothing (most runs of
 * {@code timeline}, {@code explain}, {@code analyze}, at the default level WARN) never parses the
 * appenders' patterns nor opens the log file, which was about a tenth of a tiny {@code timeline}'s
 * start. The level is still checked before an event gets here, so nothing else changes.
 */
final class OnFirstEvent<E> extends AppenderBase<E> {
  private final Supplier<Appender<E>> make;
  private Appender<E> made;

  OnFirstEvent(String name, Supplier<Appender<E>> make) {
    this.make = make;
    setName(name);
  }

  /** Called under the appender's lock (AppenderBase), so the appender is made once. */
  @Override
  protected void append(E event) {
    if (made == null) {
      made = make.get();
    }
    made.doAppend(event);
  }

  @Override
  public synchronized void stop() {
    if (made != null) {
      made.stop();
    }
    super.stop();
  }
}
