package dev.regdoc.bot;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.regdoc.analysis.Analyzer;
import dev.regdoc.chat.web.WebChatSettings;
import dev.regdoc.conversation.EngineSettings;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.store.RetentionSettings;
import dev.regdoc.store.StoreSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The bot's configuration file (bot/regdoc.example.yaml) as typed sections. Every section and key
 * is optional: a missing one takes the default given here. Keys are kebab-case ("max-mb"); whole
 * numbers are checked against {@link #RANGES}. Secrets have no key: they come from the environment.
 */
public record ConfigFile(
    DataSection data,
    DbSection db,
    FilesSection files,
    UploadsSection uploads,
    AnalysesSection analyses,
    RetentionSection retention,
    WebSection web,
    LessonsSection lessons) {

  /** The inclusive range of each whole-number key. */
  static final Map<String, Range> RANGES =
      Map.ofEntries(
          // a hundred years: "keep for ever" without overflowing the instant it is subtracted from
          Map.entry("files.retention-days", new Range(0, 36_500)),
          // 1 TiB: far above any capture worth uploading, and its byte count still fits a long
          Map.entry("uploads.max-mb", new Range(1, 1L << 20)),
          Map.entry("uploads.max-expanded-mb", new Range(1, 1L << 20)),
          Map.entry("uploads.max-ratio", new Range(2, 1_000_000)),
          Map.entry("analyses.parallel", new Range(1, 256)),
          Map.entry("analyses.time-limit-seconds", new Range(1, 86_400)),
          Map.entry("analyses.lease-seconds", new Range(3, 86_400)),
          Map.entry("retention.days", new Range(1, 36_500)),
          // Slack retries an event for about an hour: its id is kept longer than that
          Map.entry("retention.event-hours", new Range(2, 876_000)),
          Map.entry("retention.web-history-days", new Range(0, 36_500)),
          Map.entry("web.port", new Range(0, 65535)),
          Map.entry("web.turn-threads", new Range(1, 1024)),
          Map.entry("web.history-limit", new Range(1, 1_000_000)),
          Map.entry("web.header-timeout-seconds", new Range(1, 3600)),
          Map.entry("web.idle-timeout-seconds", new Range(1, 86_400)),
          Map.entry("web.connections-per-client", new Range(1, 100_000)));

  public ConfigFile {
    data = data != null ? data : new DataSection(null);
    db = db != null ? db : new DbSection(null, null);
    files = files != null ? files : new FilesSection(null);
    uploads = uploads != null ? uploads : new UploadsSection(null, null, null);
    analyses = analyses != null ? analyses : new AnalysesSection(null, null, null);
    retention = retention != null ? retention : new RetentionSection(null, null, null);
    web = web != null ? web : new WebSection(null, null, null, null, null, null, null, null);
    lessons = lessons != null ? lessons : new LessonsSection(null, null);
  }

  /** The defaults: no file, no overrides. */
  public static ConfigFile defaults() {
    return new ConfigFile(null, null, null, null, null, null, null, null);
  }

  /** An inclusive range of whole numbers. */
  record Range(long min, long max) {}

  /** A whole-number key's value outside its range. */
  static final class OutOfRange extends IllegalArgumentException {
    final String key;

    OutOfRange(String key) {
      super(key + " is out of range");
      this.key = key;
    }
  }

  /**
   * @param dir cases database (H2) and uploaded files; a leading ~ is the home folder
   */
  public record DataSection(String dir) {
    public DataSection {
      dir = blank(dir) ? "~/.regdoc" : dir.strip();
    }
  }

  /**
   * @param url the database; empty: the H2 file database in data.dir
   * @param user its user; empty: "sa"
   */
  public record DbSection(String url, String user) {
    public DbSection {
      url = blank(url) ? "" : url.strip();
      user = blank(user) ? "sa" : user.strip();
    }
  }

  /**
   * @param retentionDays uploaded copies are deleted this long after their latest upload
   */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record FilesSection(Long retentionDays) {
    public FilesSection {
      retentionDays =
          whole("files.retention-days", retentionDays, StoreSettings.DEFAULT_RETENTION.toDays());
    }
  }

  /**
   * @param maxMb larger files are refused before they are downloaded
   * @param maxExpandedMb what gzip and zip uploads may unpack to, in all
   * @param maxRatio unpacking stops past this many times the compressed size
   */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record UploadsSection(Long maxMb, Long maxExpandedMb, Long maxRatio) {
    public UploadsSection {
      maxMb = whole("uploads.max-mb", maxMb, EngineSettings.DEFAULT_MAX_UPLOAD >> 20);
      maxExpandedMb =
          whole("uploads.max-expanded-mb", maxExpandedMb, IngestLimits.DEFAULT_MAX_EXPANDED_MB);
      maxRatio = whole("uploads.max-ratio", maxRatio, IngestLimits.DEFAULT_MAX_RATIO);
    }
  }

  /**
   * @param parallel analyses at once; more uploads wait their turn
   * @param timeLimitSeconds an analysis stops reading there and diagnoses what it read
   * @param leaseSeconds on a shared (PostgreSQL) store: how long a queued analysis stays with the
   *     instance that took it without a sign of life (renewed at a third of it); past it another
   *     instance takes it
   */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record AnalysesSection(Long parallel, Long timeLimitSeconds, Long leaseSeconds) {
    public AnalysesSection {
      parallel = whole("analyses.parallel", parallel, 2);
      timeLimitSeconds =
          whole(
              "analyses.time-limit-seconds",
              timeLimitSeconds,
              Analyzer.DEFAULT_TIME_LIMIT.toSeconds());
      leaseSeconds = whole("analyses.lease-seconds", leaseSeconds, 60);
    }
  }

  /**
   * What the store keeps once no case needs it; see {@link RetentionSettings} for each.
   *
   * @param days finished analysis jobs (their answers and what they posted) and the bytes kept for
   *     them that no upload recorded
   * @param eventHours chat event ids already handled
   * @param webHistoryDays chat-page turns; 0: kept as long as their conversation
   */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record RetentionSection(Long days, Long eventHours, Long webHistoryDays) {
    public RetentionSection {
      RetentionSettings d = RetentionSettings.defaults();
      days = whole("retention.days", days, d.finishedJobs().toDays());
      eventHours = whole("retention.event-hours", eventHours, d.events().toHours());
      webHistoryDays = whole("retention.web-history-days", webHistoryDays, d.webHistory().toDays());
    }
  }

  /** The web chat's listener and limits; see {@link WebChatSettings} for each. */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record WebSection(
      String host,
      Long port,
      Long turnThreads,
      Long historyLimit,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> hostNames,
      Long headerTimeoutSeconds,
      Long idleTimeoutSeconds,
      Long connectionsPerClient) {
    public WebSection {
      WebChatSettings d = WebChatSettings.defaults();
      host = blank(host) ? d.host() : host.strip();
      port = whole("web.port", port, d.port());
      turnThreads = whole("web.turn-threads", turnThreads, d.turnThreads());
      historyLimit = whole("web.history-limit", historyLimit, d.historyLimit());
      // a list, or one comma-separated text (as -Dregdoc.web.host-names=a,b gives it)
      hostNames =
          hostNames == null
              ? List.of()
              : hostNames.stream()
                  .filter(n -> n != null)
                  .flatMap(n -> Arrays.stream(n.split(",")))
                  .map(String::strip)
                  .filter(n -> !n.isEmpty())
                  .toList();
      headerTimeoutSeconds =
          whole("web.header-timeout-seconds", headerTimeoutSeconds, d.headerTimeout().toSeconds());
      idleTimeoutSeconds =
          whole("web.idle-timeout-seconds", idleTimeoutSeconds, d.idleTimeout().toSeconds());
      connectionsPerClient =
          whole("web.connections-per-client", connectionsPerClient, d.connectionsPerClient());
    }
  }

  /**
   * @param captures folder with one sub-folder of captures per case study; empty: the repository's
   *     fixtures beside the knowledge base
   */
  public record LessonsSection(String captures, Map<String, TeamSection> teams) {
    public LessonsSection {
      captures = blank(captures) ? "" : captures.strip();
      teams = teams == null ? Map.of() : Map.copyOf(teams);
    }
  }

  /**
   * One team of learners, for "progress of" in Slack: its leads see its members' progress.
   *
   * @param leads Slack user ids, separated by commas or blanks
   * @param members Slack user ids, separated by commas or blanks
   */
  public record TeamSection(String leads, String members) {
    public TeamSection {
      leads = blank(leads) ? "" : leads.strip();
      members = blank(members) ? "" : members.strip();
    }
  }

  private static long whole(String key, Long value, long fallback) {
    if (value == null) {
      return fallback;
    }
    Range r = RANGES.get(key);
    if (value < r.min() || value > r.max()) {
      throw new OutOfRange(key);
    }
    return value;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
