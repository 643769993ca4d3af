package dev.regdoc.conversation;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.common.BoundedMap;
import dev.regdoc.conversation.store.StoredFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The last analysis of each recently used case, so that "findings" and "timeline" are answered
 * without reading the case's files again. An entry only counts for the exact files it was made from
 * (name and content hash): a new upload, or a file whose copy expired, makes the lookup miss. The
 * analysis itself holds no language; replies render it in the asker's language. Only the most
 * recently used cases are kept, since an analysis holds a whole timeline.
 */
final class AnalysisCache {
  private record FileKey(String name, String sha256) {}

  private record Entry(Set<FileKey> files, List<Object> stated, Analysis analysis) {}

  private final Map<Long, Entry> byCase;

  AnalysisCache(int maxCases) {
    // access order: a lookup makes the case the most recently used one
    this.byCase = BoundedMap.leastRecentlyUsedOut(maxCases);
  }

  /**
   * The analysis made from exactly {@code files} of the case and what the user {@code stated} of it
   * (a period said later makes it miss), if it is still kept.
   */
  synchronized Optional<Analysis> find(long caseId, List<StoredFile> files, List<Object> stated) {
    Entry e = byCase.get(caseId);
    return e != null && e.files().equals(keys(files)) && e.stated().equals(stated)
        ? Optional.of(e.analysis())
        : Optional.empty();
  }

  /**
   * Keeps {@code a} as the case's analysis of {@code files}, replacing any earlier one of the case.
   */
  synchronized void put(long caseId, List<StoredFile> files, List<Object> stated, Analysis a) {
    byCase.put(caseId, new Entry(keys(files), List.copyOf(stated), a));
  }

  private static Set<FileKey> keys(List<StoredFile> files) {
    return files.stream()
        .map(f -> new FileKey(f.name(), f.sha256()))
        .collect(Collectors.toUnmodifiableSet());
  }
}
