package dev.regdoc.adapter.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A loopback Discord for real JDA: the REST API (JDA's RestConfig base URL) that records what the
 * bot posts, edits and acknowledges; a gateway that speaks HELLO, IDENTIFY, READY, GUILD_CREATE,
 * heartbeats, RESUME and dispatches the events a test sends; Discord's CDN for attachments; and
 * another host that must never be asked for anything.
 */
final class LoopbackDiscord implements AutoCloseable {
  static final String TOKEN =
      "MTAxMDEwMTAxMDEwMTAxMDEw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
  static final String BOT = "900000000000000001";
  static final String GUILD = "800000000000000001";
  static final String OTHER_GUILD = "800000000000000002";

  /** A text channel of GUILD, and one of OTHER_GUILD. */
  static final String CHANNEL = "600000000000000001";

  static final String OTHER_CHANNEL = "600000000000000002";
  static final String FOREIGN_CHANNEL = "600000000000000003";
  private static final long DISCORD_EPOCH_MILLIS = 1420070400000L;
  private static final String TIME = "2026-12-06T04:00:00.000000+00:00";

  /** A message the bot posted: its JSON payload and attached files. */
  record Posted(String channel, String id, JsonNode payload, Map<String, byte[]> files) {
    /** What the message shows: content, embed titles, descriptions, fields, buttons. */
    String text() {
      StringBuilder b = new StringBuilder(payload.path("content").asText(""));
      for (JsonNode e : payload.path("embeds")) {
        b.append('\n').append(e.path("title").asText(""));
        b.append('\n').append(e.path("description").asText(""));
        for (JsonNode f : e.path("fields")) {
          b.append('\n')
              .append(f.path("name").asText())
              .append(": ")
              .append(f.path("value").asText());
        }
      }
      for (JsonNode row : payload.path("components")) {
        for (JsonNode c : row.path("components")) {
          b.append("\nbutton:")
              .append(c.path("label").asText())
              .append('=')
              .append(c.path("custom_id").asText());
        }
      }
      return b.toString();
    }
  }

  /** An edit of a posted message's text. */
  record Edited(String channel, String id, String content) {}

  final List<String> restCalls = new CopyOnWriteArrayList<>();
  final List<Posted> posted = new CopyOnWriteArrayList<>();
  final List<Edited> edited = new CopyOnWriteArrayList<>();

  /** Interaction callbacks: "interaction id:type" (5 deferred reply, 6 deferred update). */
  final List<String> callbacks = new CopyOnWriteArrayList<>();

  /** What the bot put into a deferred interaction reply. */
  final List<String> originalEdits = new CopyOnWriteArrayList<>();

  /** The command lists the bot registered (the bodies of its PUT .../commands). */
  final List<JsonNode> commands = new CopyOnWriteArrayList<>();

  final List<String> cdnRequests = new CopyOnWriteArrayList<>();
  final List<String> elsewhereRequests = new CopyOnWriteArrayList<>();

  /** The next this many message posts into {@link #rateLimitIn} are answered 429. */
  final AtomicInteger rateLimitPosts = new AtomicInteger();

  volatile String rateLimitIn;

  /** The channels of message posts answered 429. */
  final List<String> rateLimited = new CopyOnWriteArrayList<>();

  final Gateway gateway;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Snowflakes of now, as Discord's: JDA takes an interaction's age from its id and refuses to
   * answer one older than 15 minutes.
   */
  private final AtomicLong ids =
      new AtomicLong((System.currentTimeMillis() - DISCORD_EPOCH_MILLIS) << 22);

  private final Map<String, byte[]> cdnFiles = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> threads = new ConcurrentHashMap<>();
  private final HttpServer rest;
  private final HttpServer cdn;
  private final HttpServer elsewhere;

  LoopbackDiscord() throws Exception {
    rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    rest.createContext("/", this::rest);
    rest.start();
    cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    cdn.createContext("/", ex -> serveFile(ex, cdnRequests));
    cdn.start();
    elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    elsewhere.createContext("/", ex -> serveFile(ex, elsewhereRequests));
    elsewhere.start();
    gateway = new Gateway();
    gateway.start();
    if (!gateway.started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the loopback gateway did not start");
    }
  }

  DiscordSettings settings() {
    return DiscordSettings.defaults()
        .withEndpoints(
            "http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10/",
            "ws://127.0.0.1:" + gateway.getPort() + "/")
        .withAllowedFileHosts(Set.of("127.0.0.1"));
  }

  String nextId() {
    return Long.toString(ids.incrementAndGet());
  }

  /** A file on Discord's CDN (127.0.0.1, allowlisted in {@link #settings()}); returns its URL. */
  String serve(String name, byte[] content) {
    String path = "/attachments/" + CHANNEL + "/" + nextId() + "/" + name;
    cdnFiles.put(path, content);
    return "http://127.0.0.1:" + cdn.getAddress().getPort() + path;
  }

  /** The same file on another host ("localhost", not allowlisted). */
  String serveElsewhere(String name, byte[] content) {
    String path = "/files/" + nextId() + "/" + name;
    cdnFiles.put(path, content);
    return "http://localhost:" + elsewhere.getAddress().getPort() + path;
  }

  // ---- what users do -------------------------------------------------------------------------

  /** A user's message; returns its id. Attachments as {@link #attachment}. */
  String say(String channel, String user, String content, ObjectNode... attachments) {
    String id = nextId();
    gateway.dispatch("MESSAGE_CREATE", message(id, channel, user, content, attachments));
    return id;
  }

  /** Dispatches a MESSAGE_CREATE built by {@link #message}. */
  void say(ObjectNode message) {
    gateway.dispatch("MESSAGE_CREATE", message);
  }

  /** A user's MESSAGE_CREATE (dispatch it again to replay it). */
  ObjectNode message(
      String id, String channel, String user, String content, ObjectNode... attachments) {
    ObjectNode m = baseMessage(id, channel, user(user, false), content);
    ArrayNode a = m.putArray("attachments");
    for (ObjectNode x : attachments) {
      a.add(x);
    }
    if (content.contains("<@" + BOT + ">")) {
      m.putArray("mentions").add(user(BOT, true));
    }
    m.set("member", member(user(user, false)));
    return m;
  }

  ObjectNode attachment(String name, String url, long size) {
    ObjectNode a = json.createObjectNode();
    a.put("id", nextId());
    a.put("filename", name);
    a.put("url", url);
    a.put("proxy_url", url);
    a.put("size", size);
    return a;
  }

  /** A press of a button on a message the bot posted; returns the interaction id. */
  String press(Posted on, String user, String customId, String locale) {
    ObjectNode data = json.createObjectNode();
    data.put("custom_id", customId);
    data.put("component_type", 2);
    ObjectNode i = interaction(3, on.channel(), user, locale, data);
    ObjectNode m = baseMessage(on.id(), on.channel(), user(BOT, true), "");
    i.set("message", m);
    gateway.dispatch("INTERACTION_CREATE", i);
    return i.get("id").asText();
  }

  /** /regdoc SUB NAME:VALUE in a channel; returns the interaction id. */
  String slash(
      String channel, String user, String locale, String sub, String option, String value) {
    ObjectNode i = slashInteraction(channel, user, locale, sub, option, value);
    interact(i);
    return i.get("id").asText();
  }

  /** Dispatches an INTERACTION_CREATE built by {@link #slashInteraction} (again to replay it). */
  void interact(ObjectNode interaction) {
    gateway.dispatch("INTERACTION_CREATE", interaction);
  }

  /** The INTERACTION_CREATE of /regdoc SUB NAME:VALUE in a channel, not yet sent. */
  ObjectNode slashInteraction(
      String channel, String user, String locale, String sub, String option, String value) {
    ObjectNode data = json.createObjectNode();
    data.put("id", "910000000000000001");
    data.put("name", "regdoc");
    data.put("type", 1);
    ObjectNode subOption = data.putArray("options").addObject();
    subOption.put("name", sub);
    subOption.put("type", 1);
    ArrayNode opts = subOption.putArray("options");
    if (option != null) {
      ObjectNode o = opts.addObject();
      o.put("name", option);
      o.put("type", 3);
      o.put("value", value);
    }
    return interaction(2, channel, user, locale, data);
  }

  /**
   * The INTERACTION_CREATE of /regdoc case SYMPTOM with attachments (as {@link #attachment}) in its
   * file options, resolved as Discord sends them, not yet sent.
   */
  ObjectNode slashWithFiles(
      String channel, String user, String locale, String symptom, ObjectNode... files) {
    ObjectNode i = slashInteraction(channel, user, locale, "case", "symptom", symptom);
    ObjectNode data = (ObjectNode) i.get("data");
    ArrayNode options = (ArrayNode) data.get("options").get(0).get("options");
    ObjectNode resolved = data.putObject("resolved").putObject("attachments");
    for (int n = 0; n < files.length; n++) {
      String id = files[n].get("id").asText();
      ObjectNode o = options.addObject();
      o.put("name", SlashCommands.FILE_OPTIONS.get(n));
      o.put("type", 11);
      o.put("value", id);
      resolved.set(id, files[n]);
    }
    return i;
  }

  private ObjectNode interaction(
      int type, String channel, String user, String locale, ObjectNode data) {
    ObjectNode i = json.createObjectNode();
    i.put("id", nextId());
    i.put("application_id", BOT);
    i.put("type", type);
    i.put("token", "interaction-token-" + ids.get());
    i.put("version", 1);
    String guild = guildOf(channel);
    i.put("guild_id", guild);
    ObjectNode g = i.putObject("guild");
    g.put("id", guild);
    g.put("locale", "en-US");
    g.putArray("features");
    i.put("channel_id", channel);
    i.set("channel", channelJson(channel));
    ObjectNode member = member(user(user, false));
    member.put("permissions", "2048");
    i.set("member", member);
    i.put("locale", locale);
    i.put("guild_locale", "en-US");
    i.put("app_permissions", "8");
    i.put("context", "0");
    i.putObject("authorizing_integration_owners").put("0", guild);
    i.putArray("entitlements");
    i.set("data", data);
    return i;
  }

  // ---- what the bot did ----------------------------------------------------------------------

  /** The first message posted in a channel that matches, waiting up to a minute for it. */
  Posted await(String channel, Predicate<Posted> p) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      for (Posted x : posted) {
        if (x.channel().equals(channel) && p.test(x)) {
          return x;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("nothing matching was posted in " + channel + "; posted: " + texts());
  }

  /** The thread opened on a message, waiting for it. */
  String awaitThreadOn(String messageId) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      for (ObjectNode t : threads.values()) {
        if (messageId.equals(t.path("started_on").asText())) {
          return t.get("id").asText();
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no thread was opened on " + messageId + "; calls: " + restCalls);
  }

  /** The thread opened with a name, waiting for it. */
  String awaitThreadNamed(String name) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      for (ObjectNode t : threads.values()) {
        if (name.equals(t.path("name").asText())) {
          return t.get("id").asText();
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no thread named " + name + "; calls: " + restCalls);
  }

  /** The n-th message (from 1) posted in a channel, waiting for it. */
  Posted awaitNth(String channel, int n) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      List<Posted> in = posted.stream().filter(p -> p.channel().equals(channel)).toList();
      if (in.size() >= n) {
        return in.get(n - 1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("fewer than " + n + " messages in " + channel + ": " + texts());
  }

  String threadName(String thread) {
    return threads.get(thread).get("name").asText();
  }

  String parentOf(String thread) {
    return threads.get(thread).get("parent_id").asText();
  }

  int threadCount() {
    return threads.size();
  }

  void awaitCall(String call) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      if (restCalls.contains(call)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("Discord was not called with " + call + "; calls: " + restCalls);
  }

  private String texts() {
    return posted.stream().map(p -> p.channel() + ": " + p.text()).toList().toString();
  }

  // ---- REST ----------------------------------------------------------------------------------

  private static final Pattern MESSAGES = Pattern.compile("channels/(\\d+)/messages");
  private static final Pattern MESSAGE = Pattern.compile("channels/(\\d+)/messages/(\\d+)");
  private static final Pattern THREAD_ON =
      Pattern.compile("channels/(\\d+)/messages/(\\d+)/threads");
  private static final Pattern CALLBACK = Pattern.compile("interactions/(\\d+)/[^/]+/callback");

  private void rest(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath().replaceFirst("^/api/v10/", "");
    restCalls.add(method + " " + path);
    byte[] body = ex.getRequestBody().readAllBytes();
    boolean authorized = ("Bot " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"));
    Matcher m;
    if ((m = CALLBACK.matcher(path)).matches()) {
      callbacks.add(m.group(1) + ":" + json.readTree(body).path("type").asInt());
      respond(ex, 204, null);
    } else if (path.matches("webhooks/\\d+/[^/]+/messages/@original")) {
      JsonNode p = json.readTree(body);
      originalEdits.add(p.path("content").asText());
      respond(ex, 200, baseMessage(nextId(), CHANNEL, user(BOT, true), p.path("content").asText()));
    } else if (!authorized) {
      respond(ex, 401, json.createObjectNode().put("message", "401: Unauthorized").put("code", 0));
    } else if (path.equals("users/@me")) {
      respond(ex, 200, user(BOT, true));
    } else if (path.matches("applications/\\d+/(guilds/\\d+/)?commands")) {
      commands.add(json.readTree(body));
      respond(ex, 200, json.createArrayNode());
    } else if (method.equals("POST") && (m = THREAD_ON.matcher(path)).matches()) {
      respond(ex, 201, openThread(m.group(1), m.group(2), json.readTree(body)));
    } else if (method.equals("POST") && (m = MESSAGES.matcher(path)).matches()) {
      postMessage(ex, m.group(1), body);
    } else if (method.equals("PATCH") && (m = MESSAGE.matcher(path)).matches()) {
      String content = json.readTree(body).path("content").asText();
      edited.add(new Edited(m.group(1), m.group(2), content));
      respond(ex, 200, baseMessage(m.group(2), m.group(1), user(BOT, true), content));
    } else {
      respond(ex, 404, json.createObjectNode().put("message", "Unknown").put("code", 0));
    }
  }

  private void postMessage(HttpExchange ex, String channel, byte[] body) throws IOException {
    if (channel.equals(rateLimitIn) && rateLimitPosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      rateLimited.add(channel);
      ex.getResponseHeaders().add("Retry-After", "1");
      ex.getResponseHeaders().add("X-RateLimit-Limit", "5");
      ex.getResponseHeaders().add("X-RateLimit-Remaining", "0");
      ex.getResponseHeaders().add("X-RateLimit-Reset-After", "0.2");
      ex.getResponseHeaders().add("X-RateLimit-Bucket", "messages-" + channel);
      ex.getResponseHeaders().add("X-RateLimit-Scope", "user");
      ObjectNode limited = json.createObjectNode();
      limited.put("message", "You are being rate limited.");
      limited.put("retry_after", 0.2);
      limited.put("global", false);
      respond(ex, 429, limited);
      return;
    }
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    JsonNode payload;
    Map<String, byte[]> files = new LinkedHashMap<>();
    if (type != null && type.startsWith("multipart/form-data")) {
      Map<String, byte[]> parts = multipart(body, type.replaceFirst(".*boundary=", ""), files);
      payload = json.readTree(parts.get("payload_json"));
    } else {
      payload = json.readTree(body);
    }
    String id = nextId();
    posted.add(new Posted(channel, id, payload, files));
    respond(ex, 200, baseMessage(id, channel, user(BOT, true), payload.path("content").asText()));
  }

  /**
   * The parts of a multipart/form-data body by name; file parts go to {@code files} by file name.
   */
  private static Map<String, byte[]> multipart(
      byte[] body, String boundary, Map<String, byte[]> files) {
    String all = new String(body, StandardCharsets.ISO_8859_1);
    Map<String, byte[]> parts = new LinkedHashMap<>();
    for (String part : all.split("--" + Pattern.quote(boundary))) {
      int headEnd = part.indexOf("\r\n\r\n");
      if (headEnd < 0) {
        continue;
      }
      String head = part.substring(0, headEnd);
      String content = part.substring(headEnd + 4, part.length() - 2);
      byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
      Matcher file = Pattern.compile("filename=\"([^\"]*)\"").matcher(head);
      Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(head);
      if (file.find()) {
        files.put(file.group(1), bytes);
      } else if (name.find()) {
        parts.put(name.group(1), bytes);
      }
    }
    return parts;
  }

  private ObjectNode openThread(String channel, String message, JsonNode body) {
    ObjectNode t = threadJson(nextId(), channel, body.path("name").asText());
    t.put("started_on", message);
    threads.put(t.get("id").asText(), t);
    ObjectNode created = t.deepCopy();
    created.put("newly_created", true);
    gateway.dispatch("THREAD_CREATE", created);
    return t;
  }

  private void respond(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(bytes);
    }
  }

  private void serveFile(HttpExchange ex, List<String> log) throws IOException {
    String path = ex.getRequestURI().getPath();
    log.add(path);
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
  }

  // ---- Discord's objects ---------------------------------------------------------------------

  ObjectNode user(String id, boolean bot) {
    ObjectNode u = json.createObjectNode();
    u.put("id", id);
    u.put("username", bot ? "regdoc" : "user" + id.substring(id.length() - 2));
    u.put("discriminator", "0");
    u.putNull("avatar");
    u.put("bot", bot);
    u.put("system", false);
    return u;
  }

  private ObjectNode member(ObjectNode user) {
    ObjectNode m = json.createObjectNode();
    m.set("user", user);
    m.putArray("roles");
    m.put("joined_at", TIME);
    m.put("deaf", false);
    m.put("mute", false);
    m.put("flags", 0);
    return m;
  }

  private ObjectNode baseMessage(String id, String channel, ObjectNode author, String content) {
    ObjectNode m = json.createObjectNode();
    m.put("id", id);
    m.put("type", 0);
    m.put("channel_id", channel);
    String guild = guildOf(channel);
    if (guild != null) {
      m.put("guild_id", guild);
    }
    m.set("author", author);
    m.put("content", content);
    m.put("timestamp", TIME);
    m.putNull("edited_timestamp");
    m.put("tts", false);
    m.put("mention_everyone", false);
    m.putArray("mentions");
    m.putArray("mention_roles");
    m.putArray("attachments");
    m.putArray("embeds");
    m.put("pinned", false);
    m.put("flags", 0);
    return m;
  }

  private String guildOf(String channel) {
    if (channel.equals(FOREIGN_CHANNEL)) {
      return OTHER_GUILD;
    }
    return GUILD;
  }

  private ObjectNode channelJson(String id) {
    ObjectNode thread = threads.get(id);
    if (thread != null) {
      return thread.deepCopy();
    }
    ObjectNode c = json.createObjectNode();
    c.put("id", id);
    c.put("type", 0);
    c.put("guild_id", guildOf(id));
    c.put("name", "voice-team-" + id.substring(id.length() - 1));
    c.put("position", 0);
    c.putArray("permission_overwrites");
    c.put("nsfw", false);
    c.put("rate_limit_per_user", 0);
    return c;
  }

  private ObjectNode threadJson(String id, String parent, String name) {
    ObjectNode t = json.createObjectNode();
    t.put("id", id);
    t.put("type", 11);
    t.put("guild_id", guildOf(parent));
    t.put("parent_id", parent);
    t.put("owner_id", BOT);
    t.put("name", name);
    t.put("message_count", 0);
    t.put("member_count", 1);
    t.put("rate_limit_per_user", 0);
    ObjectNode meta = t.putObject("thread_metadata");
    meta.put("archived", false);
    meta.put("auto_archive_duration", 1440);
    meta.put("archive_timestamp", TIME);
    meta.put("locked", false);
    meta.put("invitable", true);
    return t;
  }

  private ObjectNode guild(String id, List<String> channels) {
    ObjectNode g = json.createObjectNode();
    g.put("id", id);
    g.put("name", "lab " + id.substring(id.length() - 1));
    g.put("owner_id", "500000000000000001");
    g.put("member_count", 2);
    g.put("afk_timeout", 300);
    g.put("premium_progress_bar_enabled", false);
    ObjectNode everyone = g.putArray("roles").addObject();
    everyone.put("id", id);
    everyone.put("name", "@everyone");
    everyone.put("permissions", "8"); // administrator: JDA's permission checks pass
    everyone.put("position", 0);
    everyone.put("color", 0);
    everyone.put("hoist", false);
    everyone.put("managed", false);
    everyone.put("mentionable", false);
    ArrayNode cs = g.putArray("channels");
    channels.forEach(c -> cs.add(channelJson(c)));
    ArrayNode ts = g.putArray("threads");
    threads.values().stream()
        .filter(t -> t.get("guild_id").asText().equals(id))
        .forEach(t -> ts.add(t.deepCopy()));
    g.putArray("members").add(member(user(BOT, true)));
    g.putArray("emojis");
    g.putArray("stickers");
    g.putArray("voice_states");
    g.putArray("guild_scheduled_events");
    g.putArray("features");
    g.putArray("presences");
    return g;
  }

  @Override
  public void close() throws InterruptedException {
    rest.stop(0);
    cdn.stop(0);
    elsewhere.stop(0);
    gateway.stop(1000);
  }

  /**
   * Discord's gateway: HELLO on connect; READY and a GUILD_CREATE per server after IDENTIFY (or a
   * 4014 close when told to refuse the intents); RESUMED after RESUME, then the events to replay;
   * an ACK for every heartbeat.
   */
  final class Gateway extends WebSocketServer {
    final List<String> received = new CopyOnWriteArrayList<>();
    final CountDownLatch started = new CountDownLatch(1);
    final AtomicInteger identified = new AtomicInteger();
    volatile boolean refuseIntents;
    final List<ObjectNode> replayOnResume = new CopyOnWriteArrayList<>();
    private volatile WebSocket current;

    /**
     * The sessions that identified or resumed and are still open: every event a test sends goes to
     * each, as Discord sends a guild's events to every bot session (two regdoc instances).
     */
    private final List<WebSocket> sessions = new CopyOnWriteArrayList<>();

    private final AtomicInteger seq = new AtomicInteger();
    private volatile CountDownLatch ready = new CountDownLatch(1);

    Gateway() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      current = conn;
      conn.send("{\"op\":10,\"s\":null,\"t\":null,\"d\":{\"heartbeat_interval\":41250}}");
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      received.add(message);
      JsonNode m;
      try {
        m = json.readTree(message);
      } catch (IOException e) {
        return;
      }
      switch (m.path("op").asInt()) {
        case 1 -> conn.send("{\"op\":11}");
        case 2 -> identify(conn);
        case 6 -> {
          send(conn, "RESUMED", json.createObjectNode());
          replayOnResume.forEach(e -> send(conn, "MESSAGE_CREATE", e));
          sessions.add(conn);
          ready.countDown();
        }
        default -> {}
      }
    }

    private void identify(WebSocket conn) {
      if (refuseIntents) {
        conn.close(4014, "Disallowed intent(s).");
        return;
      }
      identified.incrementAndGet();
      ObjectNode r = json.createObjectNode();
      r.put("v", 10);
      r.set("user", user(BOT, true));
      ArrayNode guilds = r.putArray("guilds");
      guilds.addObject().put("id", GUILD).put("unavailable", true);
      guilds.addObject().put("id", OTHER_GUILD).put("unavailable", true);
      r.putArray("private_channels");
      r.put("session_id", "session-" + identified.get());
      r.put("resume_gateway_url", "ws://127.0.0.1:" + getPort());
      r.putObject("application").put("id", BOT).put("flags", 0);
      send(conn, "READY", r);
      send(conn, "GUILD_CREATE", guild(GUILD, List.of(CHANNEL, OTHER_CHANNEL)));
      send(conn, "GUILD_CREATE", guild(OTHER_GUILD, List.of(FOREIGN_CHANNEL)));
      sessions.add(conn);
      ready.countDown();
    }

    /** An event to every open session (to the connection being set up, if none is yet). */
    void dispatch(String type, JsonNode data) {
      List<WebSocket> to = sessions.stream().filter(WebSocket::isOpen).toList();
      if (to.isEmpty()) {
        WebSocket c = current;
        if (c == null) {
          throw new IllegalStateException("nobody is connected to the gateway");
        }
        to = List.of(c);
      }
      to.forEach(c -> send(c, type, data));
    }

    private void send(WebSocket c, String type, JsonNode data) {
      ObjectNode e = json.createObjectNode();
      e.put("op", 0);
      e.put("s", seq.incrementAndGet());
      e.put("t", type);
      e.set("d", data);
      try {
        c.send(json.writeValueAsString(e));
      } catch (IOException x) {
        throw new IllegalStateException(x);
      } catch (WebsocketNotConnectedException x) {
        sessions.remove(c); // closed meanwhile: a stopped instance gets nothing more
      }
    }

    /** Drops the connection as Discord does at times (4000): JDA comes back with RESUME. */
    void dropAndAwaitResume() throws InterruptedException {
      ready = new CountDownLatch(1);
      current.close(4000, "Unknown error");
      if (!ready.await(60, TimeUnit.SECONDS)) {
        throw new AssertionError("JDA did not resume; gateway got " + received);
      }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      sessions.remove(conn);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }
}
