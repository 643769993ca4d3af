package dev.regdoc.ingest;

/**
 * Bounds on what one upload may expand to, so a zip or gzip bomb is refused instead of filling the
 * disk or taking the analysis' time. Sizes are bytes; {@code maxRatio} is expanded bytes per
 * compressed byte consumed.
 */
public record IngestLimits(
    long maxFileBytes,
    long maxExpandedTotal,
    long maxEntryBytes,
    int maxEntries,
    int maxDepth,
    long maxRatio) {

  public static final int DEFAULT_MAX_FILE_MB = 2048;
  public static final int DEFAULT_MAX_EXPANDED_MB = 2048;

  /** Captures and syslog compress 3 to 50 times; deflate of repeated bytes reaches about 1000. */
  public static final int DEFAULT_MAX_RATIO = 200;

  public static IngestLimits defaults() {
    long expanded = (long) DEFAULT_MAX_EXPANDED_MB << 20;
    return new IngestLimits(
        (long) DEFAULT_MAX_FILE_MB << 20, expanded, expanded, 10_000, 3, DEFAULT_MAX_RATIO);
  }

  public IngestLimits withMaxFileBytes(long bytes) {
    return new IngestLimits(bytes, maxExpandedTotal, maxEntryBytes, maxEntries, maxDepth, maxRatio);
  }

  public IngestLimits withExpansion(long total, long perEntry) {
    return new IngestLimits(maxFileBytes, total, perEntry, maxEntries, maxDepth, maxRatio);
  }

  public IngestLimits withMaxRatio(long ratio) {
    return new IngestLimits(
        maxFileBytes, maxExpandedTotal, maxEntryBytes, maxEntries, maxDepth, ratio);
  }
}
