package dev.regdoc.adapter.slack;

import java.util.List;

/**
 * What a Slack user asks of regdoc (a message, a shared file, the slash command or a button click),
 * already mapped out of Slack's event shapes.
 *
 * @param threadTs the case thread; null when the request starts a new one (a slash command: regdoc
 *     posts the thread's first message itself)
 * @param eventKey what identifies Slack's delivery (event id, trigger id), to answer a retry only
 *     once
 */
record SlackRequest(
    String eventKey,
    String team,
    String channel,
    String threadTs,
    String user,
    String text,
    List<FileRef> files,
    String action) {

  SlackRequest {
    text = text == null ? "" : text;
    files = files == null ? List.of() : List.copyOf(files);
  }

  /** A file Slack announced: only its metadata; nothing is downloaded until the checks pass. */
  record FileRef(String id, String name, String url, long size) {}

  String conversation() {
    return conversationOf(team, channel, threadTs);
  }

  /**
   * The engine's name for a Slack thread; it is also the key of the thread's persisted case
   * binding.
   */
  static String conversationOf(String team, String channel, String threadTs) {
    return "slack:" + team + ":" + channel + ":" + threadTs;
  }

  SlackRequest inThread(String ts) {
    return new SlackRequest(eventKey, team, channel, ts, user, text, files, action);
  }

  SlackRequest withEventKey(String key) {
    return new SlackRequest(key, team, channel, threadTs, user, text, files, action);
  }

  SlackRequest withFiles(List<FileRef> f) {
    return new SlackRequest(eventKey, team, channel, threadTs, user, text, f, action);
  }
}
