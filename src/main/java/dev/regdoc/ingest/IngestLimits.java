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

  static String size(long bytes) {
    if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GiB";
    }
    if (bytes >= 1L << 20) {
      return String.format("%.1f MiB", bytes / 1048576.0);
    }
    if (bytes >= 1024) {
      return String.format("%.1f KiB", bytes / 1024.0);
    }
    return bytes + " bytes";
  }
}
