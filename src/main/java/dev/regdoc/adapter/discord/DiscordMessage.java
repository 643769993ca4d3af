package dev.regdoc.adapter.discord;

import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.components.ActionRow;

/**
 * One message regdoc posts: a short text, embeds, rows of buttons and attached files.
 *
 * @param content plain text above the embeds (at most 2,000 characters), may be empty
 */
record DiscordMessage(
    String content, List<MessageEmbed> embeds, List<ActionRow> rows, List<FileOut> files) {

  DiscordMessage {
    content = content == null ? "" : content;
    embeds = List.copyOf(embeds);
    rows = List.copyOf(rows);
    files = List.copyOf(files);
  }

  /** A file attached to the message (a picture, a lesson's file, the full report). */
  record FileOut(String fileName, byte[] content) {}

  static DiscordMessage text(String content) {
    return new DiscordMessage(content, List.of(), List.of(), List.of());
  }

  /** The characters of all embeds, as Discord counts them against its 6,000 a message. */
  int embedLength() {
    return embeds.stream().mapToInt(MessageEmbed::getLength).sum();
  }
}
