package dev.regdoc.bot;

import dev.regdoc.chat.web.OperatorChecks;
import dev.regdoc.conversation.store.AnalysisJobs;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The metrics of a running bot in Prometheus' format: what the engine and the job queue count
 * (turns; analyses queued, running, finished, failed; their durations; bytes read; lease reclaims)
 * and, on a shared store, the queue's jobs by state as the database has them.
 */
public final class Monitoring {
  private Monitoring() {}

  private static PrometheusMeterRegistry prometheus;

  /**
   * Adds the Prometheus registry to Micrometer's global one, before the engine registers its meters
   * (a registry added later misses what was counted before it, and Micrometer warns about it).
   */
  static synchronized PrometheusMeterRegistry install() {
    if (prometheus == null) {
      prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      Metrics.addRegistry(prometheus);
    }
    return prometheus;
  }

  /** The checks the web port answers for {@code bot}, with the shared queue's jobs by state. */
  public static OperatorChecks of(BotRuntime bot) {
    PrometheusMeterRegistry prometheus = install();
    bot.store()
        .jobs()
        .ifPresent(
            jobs -> {
              for (String state : new String[] {"queued", "running", "done", "failed"}) {
                Gauge.builder("regdoc.jobs", jobs, j -> count(j, state))
                    .tag("state", state)
                    .description("analysis jobs in the shared queue, all instances")
                    .register(prometheus);
              }
            });
    return new OperatorChecks(
        bot.instanceId(),
        () -> bot.store().reachable(),
        () -> bot.engine() != null,
        prometheus::scrape);
  }

  private static double count(AnalysisJobs jobs, String state) {
    try {
      return jobs.countByState().getOrDefault(state, 0L);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
