package dev.regdoc.conversation;

import dev.regdoc.common.ConfigValues;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the conversation engine behaves.
 *
 * @param maxUploadBytes the largest file accepted (adapters refuse bigger ones before download)
 * @param parallelAnalyses analyses run at once; further uploads wait (bounds memory with many
 *     chats)
 * @param lessonCaptures folder with one sub-folder per lesson holding the files it teaches with
 *     (captures, logs, configs); the knowledge base's lessons/ unless lessons.captures says
 */
public record EngineSettings(long maxUploadBytes, int parallelAnalyses, Path lessonCaptures) {
  public static final long DEFAULT_MAX_UPLOAD = 512L << 20;

  /** 1 TiB: far above any capture worth uploading, and its byte count still fits a long. */
  private static final long MAX_UPLOAD_MB = 1L << 20;

  /** From flat config keys: uploads.max-mb, analyses.parallel, lessons.captures. */
  public static EngineSettings fromMap(Map<String, String> m, Path defaultLessons) {
    long maxMb =
        ConfigValues.wholeNumber(m, "uploads.max-mb", DEFAULT_MAX_UPLOAD >> 20, 1, MAX_UPLOAD_MB);
    int parallel = ConfigValues.wholeNumber(m, "analyses.parallel", 2, 1, 256);
    Path lessons =
        m.containsKey("lessons.captures") ? Path.of(m.get("lessons.captures")) : defaultLessons;
    return new EngineSettings(maxMb << 20, parallel, lessons);
  }
}
