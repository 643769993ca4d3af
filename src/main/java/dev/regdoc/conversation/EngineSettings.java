package dev.regdoc.conversation;

import java.nio.file.Path;

/**
 * How the conversation engine behaves.
 *
 * @param maxUploadBytes the largest file accepted (adapters refuse bigger ones before download)
 * @param parallelAnalyses analyses run at once; further uploads wait (bounds memory with many
 *     chats)
 * @param lessonCaptures folder with one sub-folder per lesson holding the files it teaches with
 *     (captures, logs, configs); the knowledge base's lessons/ unless lessons.captures says
 * @param teams whose progress a lead may see in Slack (lessons.teams)
 */
public record EngineSettings(
    long maxUploadBytes, int parallelAnalyses, Path lessonCaptures, LearningTeams teams) {
  public static final long DEFAULT_MAX_UPLOAD = 512L << 20;

  /** Settings with no learning teams configured. */
  public EngineSettings(long maxUploadBytes, int parallelAnalyses, Path lessonCaptures) {
    this(maxUploadBytes, parallelAnalyses, lessonCaptures, LearningTeams.none());
  }
}
