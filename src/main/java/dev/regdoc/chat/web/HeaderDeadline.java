package dev.regdoc.chat.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;

/**
 * Closes a connection that has begun a request but not finished its headers within the deadline.
 * Jetty's idle timeout alone does not stop a client that sends one byte of header just before each
 * timeout; this bounds the whole header. A sweep every quarter deadline watches each open
 * connection: while no request of it is being handled and bytes have come since its last answer, it
 * is sending headers.
 */
final class HeaderDeadline implements Connection.Listener, AutoCloseable {
  private final long deadlineNanos;
  private final Map<Connection, Watch> watched = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "regdoc-web-header-deadline");
            t.setDaemon(true);
            return t;
          });

  /**
   * Where a connection stood when it was last seen idle: requests begun, bytes in, and since when.
   */
  private record Watch(long requests, long bytesIn, long since) {}

  HeaderDeadline(Duration deadline) {
    this.deadlineNanos = deadline.toNanos();
    long period = Math.max(50, deadline.toMillis() / 4);
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpened(Connection connection) {
    watched.put(connection, new Watch(0, connection.getBytesIn(), System.nanoTime()));
  }

  @Override
  public void onClosed(Connection connection) {
    watched.remove(connection);
  }

  private void sweep() {
    long now = System.nanoTime();
    watched.replaceAll((c, w) -> next(c, w, now));
  }

  private Watch next(Connection c, Watch w, long now) {
    long requests = c.getMessagesIn();
    long bytes = c.getBytesIn();
    if (requests > c.getMessagesOut() || requests != w.requests()) {
      // A request is being handled (its body has the idle timeout), or one finished since: a new
      // wait starts.
      return new Watch(requests, bytes, now);
    }
    if (bytes == w.bytesIn()) {
      // Nothing sent since the last answer: an idle keep-alive connection, left to the idle
      // timeout.
      return new Watch(requests, bytes, now);
    }
    if (now - w.since() > deadlineNanos) {
      c.getEndPoint().close();
    }
    return w;
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
