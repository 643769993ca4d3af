package dev.regdoc.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that forgets an entry once it holds more than a bound: the flow tables, session lists and
 * caches that must not grow with what users send. Not thread-safe; callers that share one
 * synchronize.
 */
public final class BoundedMap<K, V> extends LinkedHashMap<K, V> {
  private static final long serialVersionUID = 1L;
  private final int maxEntries;

  private BoundedMap(int maxEntries, boolean accessOrder) {
    super(Math.min(maxEntries, 1024), 0.75f, accessOrder);
    this.maxEntries = maxEntries;
  }

  /** Beyond {@code maxEntries}, the entry least recently read or written goes. */
  public static <K, V> BoundedMap<K, V> leastRecentlyUsedOut(int maxEntries) {
    return new BoundedMap<>(maxEntries, true);
  }

  /** Beyond {@code maxEntries}, the entry put in first goes, however often it was read. */
  public static <K, V> BoundedMap<K, V> oldestOut(int maxEntries) {
    return new BoundedMap<>(maxEntries, false);
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > maxEntries;
  }
}
