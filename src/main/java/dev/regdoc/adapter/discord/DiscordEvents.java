package dev.regdoc.adapter.discord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;

/**
 * Maps JDA's events (messages, the /regdoc command, button presses) to {@link DiscordRequest}s.
 * Every handler only maps and acknowledges (an interaction within Discord's 3 s, by deferring its
 * reply); the work happens in {@link DiscordRunner}.
 */
final class DiscordEvents extends ListenerAdapter {
  static final String COMMAND = "regdoc";
  private static final Pattern MENTION = Pattern.compile("<@!?\\d+>\\s*");

  private final DiscordRunner runner;

  DiscordEvents(DiscordRunner runner) {
    this.runner = runner;
  }

  /**
   * A direct message, a message in a case thread (no mention needed), or a mention anywhere else
   * (it opens a case in a new thread on the message); other chatter is not regdoc's.
   */
  @Override
  public void onMessageReceived(MessageReceivedEvent e) {
    User author = e.getAuthor();
    if (author.isBot() || author.isSystem() || e.isWebhookMessage()) {
      return;
    }
    Message m = e.getMessage();
    boolean mentioned =
        m.getMentions().isMentioned(e.getJDA().getSelfUser(), Message.MentionType.USER);
    MessageChannel channel = e.getChannel();
    if (!e.isFromGuild()) {
      runner.submit(message(e, null, channel.getId(), channel.getId(), null));
      return;
    }
    String guild = e.getGuild().getId();
    if (e.getChannelType().isThread()) {
      String parent = e.getChannel().asThreadChannel().getParentChannel().getId();
      if (mentioned || runner.isCaseThread(guild, channel.getId())) {
        runner.submit(message(e, guild, parent, channel.getId(), null));
      }
    } else if (mentioned) {
      runner.submit(message(e, guild, channel.getId(), null, m.getId()));
    }
  }

  private static DiscordRequest message(
      MessageReceivedEvent e, String guild, String channel, String thread, String start) {
    Message m = e.getMessage();
    List<DiscordRequest.FileRef> files =
        m.getAttachments().stream().map(DiscordEvents::fileRef).toList();
    return new DiscordRequest(
        "message:" + m.getId(),
        guild,
        channel,
        thread,
        start,
        e.getAuthor().getId(),
        e.getAuthor().getName(),
        null,
        stripMention(m.getContentRaw()),
        files,
        null,
        null);
  }

  private static DiscordRequest.FileRef fileRef(Message.Attachment a) {
    return new DiscordRequest.FileRef(a.getId(), a.getFileName(), a.getUrl(), a.getSize());
  }

  /**
   * /regdoc case|explain|teach, with the case's attachments if any: deferred at once (ephemeral),
   * answered in the case's thread. The interaction's token goes with the request, so that whichever
   * instance answers completes the deferred reply.
   */
  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
    if (!COMMAND.equals(e.getName())) {
      return;
    }
    e.deferReply(true).queue();
    String text = commandText(e.getSubcommandName(), option(e, "symptom"), option(e, "question"));
    Place p =
        place(
            e.getChannel(), e.getChannelType(), e.getGuild() == null ? null : e.getGuild().getId());
    runner.submit(
        new DiscordRequest(
            "interaction:" + e.getId(),
            p.guild(),
            p.channel(),
            p.thread(),
            null,
            e.getUser().getId(),
            e.getUser().getName(),
            locale(e.getUserLocale()),
            text,
            e.getOptionsByType(OptionType.ATTACHMENT).stream()
                .map(o -> fileRef(o.getAsAttachment()))
                .toList(),
            null,
            new DiscordRequest.Interaction(e.getToken(), e.getChannel().getId(), expiry(e))));
  }

  /** When the interaction's token stops being accepted (Discord: 15 minutes after it was made). */
  private static long expiry(SlashCommandInteractionEvent e) {
    OffsetDateTime made = e.getTimeCreated();
    Instant at = made == null ? Instant.now() : made.toInstant();
    return at.plus(DiscordRequest.TOKEN_LIFETIME).toEpochMilli();
  }

  /** A button regdoc posted: acknowledged without changing the message; the answer follows. */
  @Override
  public void onButtonInteraction(ButtonInteractionEvent e) {
    String id = e.getComponentId();
    if (!id.startsWith(EmbedRenderer.ACTION_PREFIX)) {
      return;
    }
    e.deferEdit().queue();
    Place p =
        place(
            e.getChannel(), e.getChannelType(), e.getGuild() == null ? null : e.getGuild().getId());
    runner.submit(
        new DiscordRequest(
            "interaction:" + e.getId(),
            p.guild(),
            p.channel(),
            p.thread() == null ? e.getChannel().getId() : p.thread(),
            null,
            e.getUser().getId(),
            e.getUser().getName(),
            locale(e.getUserLocale()),
            "",
            List.of(),
            id.substring(EmbedRenderer.ACTION_PREFIX.length()),
            null));
  }

  /** Where an interaction happened: in a thread (its case), a channel (a new thread), or a DM. */
  private record Place(String guild, String channel, String thread) {}

  private static Place place(MessageChannelUnion channel, ChannelType type, String guild) {
    if (guild == null) {
      return new Place(null, channel.getId(), channel.getId());
    }
    if (type.isThread()) {
      String parent = channel.asThreadChannel().getParentChannel().getId();
      return new Place(guild, parent, channel.getId());
    }
    return new Place(guild, channel.getId(), null);
  }

  /** What the engine is told: a case with its symptom, a question to explain, the lessons. */
  static String commandText(String sub, String symptom, String question) {
    if ("explain".equals(sub)) {
      return "explain " + (question == null ? "" : question.trim());
    } else if ("teach".equals(sub)) {
      return "teach me";
    }
    return symptom == null || symptom.isBlank() ? "new case" : symptom.trim();
  }

  private static String option(SlashCommandInteractionEvent e, String name) {
    OptionMapping o = e.getOption(name);
    return o == null ? null : o.getAsString();
  }

  /** Discord's language tag for the engine ("ja", "en-US"), null when Discord does not know it. */
  static String locale(DiscordLocale l) {
    return l == null || l == DiscordLocale.UNKNOWN ? null : l.getLocale();
  }

  static String stripMention(String text) {
    return text == null ? "" : MENTION.matcher(text).replaceAll("").trim();
  }
}
