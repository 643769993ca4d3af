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
  String send(String channel, DiscordMessage message) throws IOException;

  /** Replaces the text of a message regdoc posted (the progress message). */
  void edit(String channel, String messageId, String text) throws IOException;
}
