package dev.regdoc.chat.web;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the operator endpoints on the web port tell: {@code /health} (the process answers), {@code
 * /ready} (the case database is reachable and the rules are loaded) and {@code /metrics}
 * (Prometheus text format).
 *
 * @param instanceId this instance among those sharing the database, shown by /health
 * @param databaseReachable asked on every /ready
 * @param rulesLoaded asked on every /ready
 * @param metrics the scrape, in Prometheus text format
 */
public record OperatorChecks(
    String instanceId,
    BooleanSupplier databaseReachable,
    BooleanSupplier rulesLoaded,
    Supplier<String> metrics) {}
