package dev.regdoc.adapter.discord;

import java.io.IOException;

/**
 * What the adapter asks of Discord, kept small so that the adapter's logic runs against a fake in
 * tests; {@link JdaPort} is the real one. Calls block and come from the adapter's workers.
 */
interface DiscordPort {

  /**
   * Opens a thread for a case and returns its id: on {@code startMessage} (a mention), or on the
   * {@code opener} message regdoc posts in the channel when it is null (a slash command).
   */
  String openThread(String channel, String startMessage, String name, String opener)
      throws IOException;

  /** Posts a message into a channel or thread and returns its id. */
  default String send(String channel, DiscordMessage message) throws IOException {
    return send(channel, message, null);
  }

  /**
   * As above, with a nonce Discord enforces: a second post with the same nonce within a few minutes
   * returns the first message instead of posting again (null: none). At most {@link #MAX_NONCE}
   * characters; a message with more files than one post takes goes out with numbered nonces.
   */
  String send(String channel, DiscordMessage message, String nonce) throws IOException;

  /** Discord's longest nonce is 25 characters; two are kept for the part number. */
  int MAX_NONCE = 23;

  /**
   * Completes an interaction's deferred reply by its token (valid 15 minutes after the interaction,
   * on any instance).
   */
  void completeInteraction(String token, String text) throws IOException;

  /** Replaces the text of a message regdoc posted (the progress message). */
  void edit(String channel, String messageId, String text) throws IOException;
}
