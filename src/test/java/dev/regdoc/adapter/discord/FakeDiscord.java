package dev.regdoc.adapter.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.IMentionable;
import net.dv8tion.jda.api.entities.Mentions;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.unions.IThreadContainerUnion;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;

/**
 * Discord's side for the adapter's tests: a {@link DiscordPort} that records what regdoc posts, a
 * loopback CDN that records what it downloads, and JDA's real event objects (MessageReceivedEvent,
 * Message.Attachment) over mocked JDA interfaces (the JDA session, messages, channels, users).
 */
final class FakeDiscord implements DiscordPort, AutoCloseable {
  static final long BOT = 900000000000000001L;
  static final String GUILD = "800000000000000001";

  /** A thread regdoc opened. */
  record Opened(String channel, String startMessage, String name, String thread) {}

  /** A message regdoc posted, with the nonce Discord would deduplicate it by (null: none). */
  record Sent(String channel, String id, DiscordMessage message, String nonce) {}

  /** A deferred interaction reply regdoc completed, by the interaction's token. */
  record Completed(String token, String text) {}

  /** An edit of a message regdoc posted. */
  record Edited(String channel, String id, String text) {}

  final List<Opened> opened = new CopyOnWriteArrayList<>();
  final List<Sent> sent = new CopyOnWriteArrayList<>();
  final List<Edited> edited = new CopyOnWriteArrayList<>();
  final List<Completed> completed = new CopyOnWriteArrayList<>();
  final List<String> downloads = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> cdnFiles = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(700000000000000000L);
  private final HttpServer cdn;
  final JDA jda = mock(JDA.class);

  FakeDiscord() throws IOException {
    SelfUser self = mock(SelfUser.class);
    when(self.getIdLong()).thenReturn(BOT);
    when(self.getId()).thenReturn(Long.toString(BOT));
    when(jda.getSelfUser()).thenReturn(self);
    cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    cdn.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          downloads.add(path);
          byte[] body = cdnFiles.get(path);
          if (body == null) {
            ex.sendResponseHeaders(404, -1);
          } else {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
              o.write(body);
            }
          }
          ex.close();
        });
    cdn.start();
  }

  String nextId() {
    return Long.toString(ids.incrementAndGet());
  }

  /** Serves a file as Discord's CDN would and returns its URL. */
  String serve(String name, byte[] content) {
    String path = "/attachments/" + GUILD + "/" + nextId() + "/" + name;
    cdnFiles.put(path, content);
    return "http://127.0.0.1:" + cdn.getAddress().getPort() + path;
  }

  @Override
  public synchronized String openThread(
      String channel, String startMessage, String name, String opener) throws IOException {
    if (startMessage != null
        && opened.stream().anyMatch(o -> startMessage.equals(o.startMessage()))) {
      // Discord: "A thread has already been created for this message" (160004)
      throw new IOException("Discord refused to open a thread: a thread exists on " + startMessage);
    }
    // a thread started on a message has the message's id, as on Discord
    String thread = startMessage != null ? startMessage : nextId();
    opened.add(new Opened(channel, startMessage, name, thread));
    return thread;
  }

  @Override
  public String send(String channel, DiscordMessage message, String nonce) {
    String id = nextId();
    sent.add(new Sent(channel, id, message, nonce));
    return id;
  }

  @Override
  public void completeInteraction(String token, String text) {
    completed.add(new Completed(token, text));
  }

  @Override
  public void edit(String channel, String messageId, String text) {
    edited.add(new Edited(channel, messageId, text));
  }

  /** A guild text channel. */
  MessageChannelUnion channel(String id) {
    MessageChannelUnion c =
        mock(MessageChannelUnion.class, withSettings().extraInterfaces(GuildChannel.class));
    when(c.getId()).thenReturn(id);
    when(c.getIdLong()).thenReturn(Long.parseLong(id));
    when(c.getType()).thenReturn(ChannelType.TEXT);
    Guild g = guild();
    when(((GuildChannel) c).getGuild()).thenReturn(g);
    return c;
  }

  /** A thread of a guild text channel. */
  MessageChannelUnion thread(String id, String parent) {
    MessageChannelUnion c =
        mock(MessageChannelUnion.class, withSettings().extraInterfaces(GuildChannel.class));
    when(c.getId()).thenReturn(id);
    when(c.getIdLong()).thenReturn(Long.parseLong(id));
    when(c.getType()).thenReturn(ChannelType.GUILD_PUBLIC_THREAD);
    Guild g = guild();
    when(((GuildChannel) c).getGuild()).thenReturn(g);
    ThreadChannel t = mock(ThreadChannel.class);
    IThreadContainerUnion p = mock(IThreadContainerUnion.class);
    when(p.getId()).thenReturn(parent);
    when(t.getParentChannel()).thenReturn(p);
    when(c.asThreadChannel()).thenReturn(t);
    return c;
  }

  private static Guild guild() {
    Guild g = mock(Guild.class);
    when(g.getId()).thenReturn(GUILD);
    return g;
  }

  static User user(String id) {
    User u = mock(User.class);
    when(u.getId()).thenReturn(id);
    when(u.getName()).thenReturn("user" + id.substring(id.length() - 2));
    return u;
  }

  /** JDA's real event for a message, with real attachments. */
  MessageReceivedEvent message(
      MessageChannelUnion channel,
      String userId,
      String messageId,
      String text,
      List<Message.Attachment> attachments) {
    Message m = mock(Message.class);
    when(m.getId()).thenReturn(messageId);
    when(m.getIdLong()).thenReturn(Long.parseLong(messageId));
    when(m.getChannel()).thenReturn(channel);
    when(m.getContentRaw()).thenReturn(text);
    when(m.getAttachments()).thenReturn(attachments);
    User author = user(userId);
    when(m.getAuthor()).thenReturn(author);
    Mentions mentions = mock(Mentions.class);
    boolean mentioned = text.contains("<@" + BOT + ">");
    when(mentions.isMentioned(any(IMentionable.class), any(Message.MentionType[].class)))
        .thenReturn(mentioned);
    when(m.getMentions()).thenReturn(mentions);
    return new MessageReceivedEvent(jda, 1L, m);
  }

  /** JDA's real attachment, as Discord describes it in MESSAGE_CREATE. */
  static Message.Attachment attachment(String id, String name, String url, int size) {
    return new Message.Attachment(
        Long.parseLong(id), url, url, name, null, null, size, -1, -1, false, null, 0, null);
  }

  /** A press of one of regdoc's buttons in a thread. */
  ButtonInteractionEvent press(MessageChannelUnion thread, String userId, String componentId) {
    ButtonInteractionEvent e = mock(ButtonInteractionEvent.class);
    when(e.getComponentId()).thenReturn(componentId);
    when(e.getId()).thenReturn(nextId());
    when(e.getChannel()).thenReturn(thread);
    ChannelType type = thread.getType();
    when(e.getChannelType()).thenReturn(type);
    Guild g = guild();
    when(e.getGuild()).thenReturn(g);
    User u = user(userId);
    when(e.getUser()).thenReturn(u);
    when(e.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
    when(e.deferEdit()).thenReturn(mock(MessageEditCallbackAction.class));
    return e;
  }

  /** The first message posted into a channel that matches, waiting up to a minute for it. */
  Sent await(String channel, Predicate<Sent> p) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      for (Sent s : sent) {
        if (s.channel().equals(channel) && p.test(s)) {
          return s;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("nothing matching was posted in " + channel + "; posted: " + texts());
  }

  /** Waits up to 30 s until {@code n} deferred replies have been completed. */
  void awaitCompleted(int n) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (completed.size() < n && System.nanoTime() < end) {
      Thread.sleep(20);
    }
  }

  Opened awaitThread(Predicate<Opened> p) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      for (Opened o : opened) {
        if (p.test(o)) {
          return o;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no thread opened as expected; opened: " + opened);
  }

  /** Everything a message shows as text: content, embed titles, descriptions, fields, buttons. */
  static String text(DiscordMessage m) {
    StringBuilder b = new StringBuilder(m.content());
    m.embeds()
        .forEach(
            e -> {
              if (e.getTitle() != null) {
                b.append('\n').append(e.getTitle());
              }
              if (e.getDescription() != null) {
                b.append('\n').append(e.getDescription());
              }
              e.getFields()
                  .forEach(
                      f -> b.append('\n').append(f.getName()).append(": ").append(f.getValue()));
            });
    m.rows()
        .forEach(
            r ->
                r.getButtons()
                    .forEach(
                        x ->
                            b.append("\nbutton:")
                                .append(x.getLabel())
                                .append('=')
                                .append(x.getId())));
    return b.toString();
  }

  private String texts() {
    return sent.stream().map(s -> s.channel() + ": " + text(s.message())).toList().toString();
  }

  @Override
  public void close() {
    cdn.stop(0);
  }
}
