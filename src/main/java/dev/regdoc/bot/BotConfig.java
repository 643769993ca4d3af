package dev.regdoc.bot;

import dev.regdoc.chat.web.WebChatSettings;
import dev.regdoc.conversation.EngineSettings;
import dev.regdoc.conversation.LearningTeams;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.store.RetentionSettings;
import dev.regdoc.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The bot's configuration: an optional YAML file bound to {@link ConfigFile}, then overridden by
 * {@code -Dregdoc.SECTION.KEY=value} and by command-line options. A key regdoc does not know, a
 * value of the wrong type or out of range, stops it with one line naming the place (see {@link
 * ConfigException}). Secrets are never read from here, only from the environment (see
 * bot/regdoc.example.yaml). System properties without a section ({@code -Dregdoc.kb}, {@code
 * -Dregdoc.rules}) are switches of their own, not config keys.
 */
public final class BotConfig {
  private final ConfigFile file;

  private BotConfig(ConfigFile file) {
    this.file = file;
  }

  /** The file (none when null) and the {@code -Dregdoc.} properties. */
  public static BotConfig load(Path yaml) {
    return load(yaml, Map.of());
  }

  /**
   * As {@link #load(Path)}, then {@code options} over both: key ("data.dir") to the value and the
   * option that gave it, as {@code Map.entry("--data-dir", "/srv/regdoc")}.
   */
  public static BotConfig load(Path yaml, Map<String, Map.Entry<String, String>> options) {
    ConfigSource source = ConfigSource.of(yaml);
    propertyOverrides(System.getProperties()).forEach(source::override);
    options.forEach((key, option) -> source.override(key, option.getValue(), option.getKey()));
    return new BotConfig(ConfigBinding.bind(source));
  }

  /** The config of these keys ("web.port" to "8081") alone, as -D properties would give them. */
  public static BotConfig of(Map<String, String> values) {
    ConfigSource source = ConfigSource.of(null);
    new TreeMap<>(values).forEach(source::override);
    return new BotConfig(ConfigBinding.bind(source));
  }

  /** The typed sections. */
  public ConfigFile file() {
    return file;
  }

  /** The case store's settings; its password only from {@code env} (REGDOC_DB_PASSWORD). */
  public StoreSettings store(Map<String, String> env) {
    Path dataDir = Path.of(file.data().dir().replaceFirst("^~", System.getProperty("user.home")));
    String url = file.db().url().isEmpty() ? StoreSettings.defaultH2Url(dataDir) : file.db().url();
    return new StoreSettings(
        url,
        file.db().user(),
        env.getOrDefault(StoreSettings.PASSWORD_ENV, ""),
        dataDir,
        Duration.ofDays(file.files().retentionDays()));
  }

  public StoreSettings store() {
    return store(System.getenv());
  }

  public WebChatSettings webChat() {
    ConfigFile.WebSection w = file.web();
    return new WebChatSettings(
        w.host(),
        w.port().intValue(),
        w.turnThreads().intValue(),
        w.historyLimit().intValue(),
        new HashSet<>(w.hostNames()),
        Duration.ofSeconds(w.headerTimeoutSeconds()),
        Duration.ofSeconds(w.idleTimeoutSeconds()),
        w.connectionsPerClient().intValue());
  }

  /**
   * @param defaultLessons the lesson captures when lessons.captures is not set
   */
  public EngineSettings engine(Path defaultLessons) {
    String lessons = file.lessons().captures();
    return new EngineSettings(
        file.uploads().maxMb() << 20,
        file.analyses().parallel().intValue(),
        lessons.isEmpty() ? defaultLessons : Path.of(lessons),
        teams());
  }

  private LearningTeams teams() {
    List<LearningTeams.Team> out = new ArrayList<>();
    new TreeMap<>(file.lessons().teams())
        .forEach(
            (name, t) -> out.add(new LearningTeams.Team(name, ids(t.leads()), ids(t.members()))));
    return new LearningTeams(out);
  }

  private static Set<String> ids(String list) {
    return Arrays.stream(list.split("[,\\s]+"))
        .filter(id -> !id.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  public IngestLimits ingestLimits() {
    long expanded = file.uploads().maxExpandedMb() << 20;
    return IngestLimits.defaults()
        .withMaxFileBytes(file.uploads().maxMb() << 20)
        .withExpansion(expanded, expanded)
        .withMaxRatio(file.uploads().maxRatio());
  }

  /** How long a queued analysis stays with an instance that shows no sign of life. */
  public Duration analysisLease() {
    return Duration.ofSeconds(file.analyses().leaseSeconds());
  }

  /** How long the store keeps finished jobs, event ids and the web history (the purge's batch). */
  public RetentionSettings retention() {
    ConfigFile.RetentionSection r = file.retention();
    return new RetentionSettings(
        Duration.ofDays(r.days()),
        Duration.ofHours(r.eventHours()),
        Duration.ofDays(r.webHistoryDays()),
        RetentionSettings.DEFAULT_BATCH_ROWS);
  }

  public Duration analysisTimeLimit() {
    return Duration.ofSeconds(file.analyses().timeLimitSeconds());
  }

  /** The {@code -Dregdoc.SECTION.KEY} properties, as keys without the prefix. */
  static Map<String, String> propertyOverrides(Properties properties) {
    Map<String, String> out = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      String key = name.startsWith("regdoc.") ? name.substring("regdoc.".length()) : "";
      if (key.contains(".")) {
        out.put(key, properties.getProperty(name));
      }
    }
    return out;
  }
}
