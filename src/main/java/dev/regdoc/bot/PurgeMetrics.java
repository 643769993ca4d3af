package dev.regdoc.bot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * The rows the store's purge deleted, by table: {@code regdoc_store_purged_rows_total{table=...}}
 * on /metrics, counted by the instance that ran the purge (sum over instances for the whole store).
 */
final class PurgeMetrics {
  private PurgeMetrics() {}

  static void purged(String table, long rows) {
    Counter.builder("regdoc.store.purged.rows")
        .tag("table", table)
        .description("rows deleted by the store's periodic purge on this instance")
        .register(Metrics.globalRegistry)
        .increment(rows);
  }
}
