package dev.regdoc.ingest;

/**
 * Bounds on what one upload may expand to, so a zip or gzip bomb is refused instead of filling the
 * disk. Sizes are bytes.
 */
public record IngestLimits(
    long maxFileBytes, long maxExpandedTotal, long maxEntryBytes, int maxEntries, int maxDepth, long maxRatio) {

  public static IngestLimits defaults() {
    return new IngestLimits(8L << 30, 8L << 30, 4L << 30, 10_000, 3, 1000);
  }

  public IngestLimits withMaxFileBytes(long bytes) {
    return new IngestLimits(bytes, maxExpandedTotal, maxEntryBytes, maxEntries, maxDepth, maxRatio);
  }

  public IngestLimits withExpansion(long total, long perEntry) {
    return new IngestLimits(maxFileBytes, total, perEntry, maxEntries, maxDepth, maxRatio);
  }
}
