package dev.regdoc.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps every fact pushed to it, grouped by type, in arrival order. */
public final class FactCollector implements FactSink {
  private final Map<Class<?>, List<Fact>> byType = new LinkedHashMap<>();
  private long count;

  @Override
  public synchronized void accept(Fact fact) {
    byType.computeIfAbsent(fact.getClass(), k -> new ArrayList<>()).add(fact);
    count++;
  }

  @SuppressWarnings("unchecked")
  public synchronized <T extends Fact> List<T> of(Class<T> type) {
    return (List<T>) Collections.unmodifiableList(byType.getOrDefault(type, List.of()));
  }

  public synchronized List<Fact> all() {
    List<Fact> all = new ArrayList<>();
    byType.values().forEach(all::addAll);
    return all;
  }

  /**
   * Forgets the facts (the count stays): for when what was built from them is all that is still
   * needed, so that they are not held twice.
   */
  public synchronized void clear() {
    byType.clear();
  }

  public synchronized long count() {
    return count;
  }
}
