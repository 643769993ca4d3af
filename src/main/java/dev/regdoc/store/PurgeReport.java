package dev.regdoc.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one purge run deleted, by table, and in how many batches (statements that deleted rows).
 *
 * @param ran false when another instance held the purge, which this run then left to it
 */
public record PurgeReport(boolean ran, Map<String, Long> deleted, Map<String, Integer> batches) {

  public PurgeReport {
    deleted = Map.copyOf(deleted);
    batches = Map.copyOf(batches);
  }

  static PurgeReport skipped() {
    return new PurgeReport(false, Map.of(), Map.of());
  }

  public long deleted(String table) {
    return deleted.getOrDefault(table, 0L);
  }

  public int batches(String table) {
    return batches.getOrDefault(table, 0);
  }

  private String batchesOf(String table) {
    int n = batches(table);
    return n + (n == 1 ? " batch" : " batches");
  }

  public long total() {
    return deleted.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * One line for the log: each table with its rows and batches, or that another instance ran it.
   */
  public String summary() {
    if (!ran) {
      return "store purge left to the instance running it";
    }
    if (deleted.isEmpty()) {
      return "store purge: nothing past its retention";
    }
    return "store purge: "
        + new TreeMap<>(deleted)
            .entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey() + " (" + batchesOf(e.getKey()) + ")")
                .collect(Collectors.joining(", "));
  }
}
