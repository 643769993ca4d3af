package dev.regdoc.signals;

import java.time.Duration;
import java.time.Instant;

/**
 * The time range a capture covers (from its decoded frames), so rules can tell "not yet" from
 * "never".
 */
public record CaptureSpan(String file, Instant first, Instant last) {
  public double getSeconds() {
    return first == null || last == null ? 0 : Duration.between(first, last).toNanos() / 1e9;
  }
}
