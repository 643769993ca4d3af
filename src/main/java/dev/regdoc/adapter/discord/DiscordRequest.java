package dev.regdoc.adapter.discord;

import java.time.Duration;
import java.util.List;

/**
 * What a Discord user asks of regdoc (a message, attachments, the slash command or a button press),
 * already mapped out of JDA's event objects.
 *
 * @param eventKey what identifies Discord's delivery (message id, interaction id), to answer a
 *     replayed event only once
 * @param guild the server's id, or null in a direct message
 * @param channel where it was sent: a thread's parent channel, or the direct-message channel
 * @param thread the case's thread (a direct message's own channel); null when the request opens a
 *     new one
 * @param startMessage the message a new thread starts on (a mention), or null to post an opener
 * @param locale the user's Discord language ("ja"), known for interactions only, else null
 * @param interaction the slash command's deferred reply to complete; null for messages and buttons
 */
record DiscordRequest(
    String eventKey,
    String guild,
    String channel,
    String thread,
    String startMessage,
    String user,
    String userName,
    String locale,
    String text,
    List<FileRef> files,
    String action,
    Interaction interaction) {

  DiscordRequest {
    text = text == null ? "" : text;
    files = files == null ? List.of() : List.copyOf(files);
  }

  /**
   * An attachment Discord announced: only its metadata; nothing is downloaded before the checks.
   */
  record FileRef(String id, String name, String url, long size) {}

  /** How long Discord accepts an interaction's token: 15 minutes after the interaction. */
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

  /**
   * A deferred interaction reply, as any instance can complete it: by its token, until it expires;
   * after that, what it would have said goes into {@code channel}, where the command was used.
   *
   * @param expiresAt epoch milliseconds
   */
  record Interaction(String token, String channel, long expiresAt) {}

  String conversation() {
    return conversationOf(guild, thread);
  }

  /**
   * The engine's name for a case thread; it is also the key of the thread's persisted case binding.
   * Thread and channel ids are unique across Discord.
   */
  static String conversationOf(String guild, String thread) {
    return "discord:" + (guild == null ? "dm" : guild) + ":" + thread;
  }

  DiscordRequest inThread(String id) {
    return new DiscordRequest(
        eventKey,
        guild,
        channel,
        id,
        null,
        user,
        userName,
        locale,
        text,
        files,
        action,
        interaction);
  }

  DiscordRequest withFiles(List<FileRef> f) {
    return new DiscordRequest(
        eventKey,
        guild,
        channel,
        thread,
        startMessage,
        user,
        userName,
        locale,
        text,
        f,
        action,
        interaction);
  }
}
