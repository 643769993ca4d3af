package dev.regdoc.adapter.discord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * {@link DiscordPort} through JDA. Calls block (JDA queues them behind Discord's rate limits), so
 * they run on the adapter's workers, never on JDA's event thread. Nothing regdoc posts pings
 * anyone.
 */
final class JdaPort implements DiscordPort {
  /** Discord's files per message; more go out in further messages. */
  static final int MAX_FILES = 10;

  private final JDA jda;

  JdaPort(JDA jda) {
    this.jda = jda;
  }

  @Override
  public String openThread(String channel, String startMessage, String name, String opener)
      throws IOException {
    IThreadContainer container = jda.getChannelById(IThreadContainer.class, channel);
    if (container == null) {
      throw new IOException("regdoc cannot open threads in channel " + channel);
    }
    try {
      String start =
          startMessage != null
              ? startMessage
              : channel(channel)
                  .sendMessage(opener)
                  .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                  .complete()
                  .getId();
      return container.createThreadChannel(name, start).complete().getId();
    } catch (ErrorResponseException | IllegalStateException e) {
      throw new IOException("Discord refused to open a thread: " + e.getMessage());
    }
  }

  @Override
  public String send(String channel, DiscordMessage m, String nonce) throws IOException {
    MessageChannel c = channel(channel);
    List<DiscordMessage.FileOut> files = m.files();
    List<DiscordMessage.FileOut> first = files.subList(0, Math.min(MAX_FILES, files.size()));
    try {
      // JDA sends enforce_nonce with every message: Discord returns the message posted before under
      // the same nonce (within minutes) instead of posting it again
      String id = c.sendMessage(build(m.content(), m, first)).setNonce(nonce).complete().getId();
      for (int i = MAX_FILES; i < files.size(); i += MAX_FILES) {
        List<DiscordMessage.FileOut> more = files.subList(i, Math.min(i + MAX_FILES, files.size()));
        String part = nonce == null ? null : nonce + (i / MAX_FILES);
        c.sendMessage(build("", DiscordMessage.text(""), more)).setNonce(part).complete();
      }
      return id;
    } catch (ErrorResponseException | IllegalStateException | IllegalArgumentException e) {
      throw new IOException("Discord refused the message: " + e.getMessage());
    }
  }

  @Override
  public void edit(String channel, String messageId, String text) throws IOException {
    try {
      channel(channel).editMessageById(messageId, text).complete();
    } catch (ErrorResponseException e) {
      throw new IOException("Discord refused the edit: " + e.getMessage());
    }
  }

  @Override
  public void completeInteraction(String token, String text) throws IOException {
    try {
      InteractionHook.from(jda, token)
          .editOriginal(text)
          .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
          .complete();
    } catch (ErrorResponseException | IllegalStateException e) {
      throw new IOException("Discord refused to complete the interaction: " + e.getMessage());
    }
  }

  private static MessageCreateData build(
      String content, DiscordMessage m, List<DiscordMessage.FileOut> files) {
    List<FileUpload> uploads = new ArrayList<>();
    for (DiscordMessage.FileOut f : files) {
      uploads.add(FileUpload.fromData(f.content(), f.fileName()));
    }
    return new MessageCreateBuilder()
        .setContent(content)
        .setEmbeds(m.embeds())
        .setComponents(m.rows())
        .setFiles(uploads)
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .build();
  }

  private MessageChannel channel(String id) throws IOException {
    MessageChannel c = jda.getChannelById(MessageChannel.class, id);
    if (c == null) {
      c = jda.getPrivateChannelById(id);
    }
    if (c == null) {
      throw new IOException("Discord channel " + id + " is not known to regdoc");
    }
    return c;
  }
}
