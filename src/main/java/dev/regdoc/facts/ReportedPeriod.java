package dev.regdoc.facts;

/**
 * How often the user said the problem happens ("every 16 minutes"), as a fact for the rules to set
 * against what the files show. Not read from a file, so it has no origin; an analysis holds one
 * only when the user said a period.
 *
 * @param seconds the period the user reported, in seconds
 */
public record ReportedPeriod(long seconds) {
  public ReportedPeriod {
    if (seconds <= 0) {
      throw new IllegalArgumentException("a reported period must be positive: " + seconds);
    }
  }
}
