package dev.regdoc.conversation;

import java.nio.file.Path;
import java.util.Map;

/**
 * How the conversation engine behaves.
 *
 * @param maxUploadBytes the largest file accepted (adapters refuse bigger ones before download)
 * @param parallelAnalyses analyses run at once; further uploads wait (bounds memory with many chats)
 * @param lessonCaptures folder with one sub-folder of captures per case study (the "teach me" lessons)
 */
public record EngineSettings(long maxUploadBytes, int parallelAnalyses, Path lessonCaptures) {
  public static final long DEFAULT_MAX_UPLOAD = 512L << 20;

  /** From flat config keys: uploads.max-mb, analyses.parallel, lessons.captures. */
  public static EngineSettings fromMap(Map<String, String> m, Path defaultLessons) {
    long maxMb = Long.parseLong(m.getOrDefault("uploads.max-mb", String.valueOf(DEFAULT_MAX_UPLOAD >> 20)));
    int parallel = Integer.parseInt(m.getOrDefault("analyses.parallel", "2"));
    Path lessons = m.containsKey("lessons.captures") ? Path.of(m.get("lessons.captures")) : defaultLessons;
    return new EngineSettings(maxMb << 20, Math.max(1, parallel), lessons);
  }
}
