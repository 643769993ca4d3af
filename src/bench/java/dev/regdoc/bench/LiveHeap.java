package dev.regdoc.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The most heap still in use right after any garbage collection while it watches: an upper bound of
 * what the reader really keeps, unlike pool peaks, which include garbage not yet collected. If
 * memory grew with capture size, this is the figure that would show it.
 */
final class LiveHeap implements AutoCloseable, NotificationListener {
  private final AtomicLong max = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());

  LiveHeap() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter) {
        NotificationEmitter e = (NotificationEmitter) gc;
        e.addNotificationListener(this, null, null);
        emitters.add(e);
      }
    }
  }

  @Override
  public void handleNotification(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long used =
        info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
            .filter(
                e -> heapPools.contains(e.getKey())) // metaspace and code cache are reported too
            .mapToLong(e -> e.getValue().getUsed())
            .sum();
    max.accumulateAndGet(used, Math::max);
  }

  /** Largest heap after a collection so far, in bytes; 0 when no collection happened. */
  long max() {
    return max.get();
  }

  @Override
  public void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(this);
      } catch (ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }
}
