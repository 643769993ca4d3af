package dev.regdoc.adapter.slack;

import dev.regdoc.adapter.shared.ChatSettings;
import dev.regdoc.common.ConfigValues;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the Slack adapter runs. Secrets are not here: tokens come only from the environment.
 *
 * @param mode socket (default, no public URL needed) or http (Slack posts to
 *     httpHost:httpPort/httpPath)
 * @param apiBaseUrl the Web API prefix ending in "/api/" (GovSlack, tests)
 * @param allowedFileHosts the only hosts files are ever downloaded from
 * @param allowedTeams team ids served; empty = all
 * @param allowedChannels channel ids served; empty = all
 * @param requestsPerUserPerMinute requests one user may start per minute
 */
public record SlackSettings(
    Mode mode,
    String httpHost,
    int httpPort,
    String httpPath,
    String apiBaseUrl,
    Set<String> allowedFileHosts,
    Set<String> allowedTeams,
    Set<String> allowedChannels,
    int requestsPerUserPerMinute) {

  public static final String DEFAULT_API_BASE_URL = "https://slack.com/api/";

  /** How Slack reaches regdoc. */
  public enum Mode {
    SOCKET,
    HTTP
  }

  public SlackSettings {
    allowedFileHosts = Set.copyOf(allowedFileHosts);
    allowedTeams = Set.copyOf(allowedTeams);
    allowedChannels = Set.copyOf(allowedChannels);
    if (!apiBaseUrl.endsWith("/")) {
      apiBaseUrl = apiBaseUrl + "/";
    }
    if (requestsPerUserPerMinute < 1) {
      throw new IllegalArgumentException(
          "slack rate limit must be at least 1 request a minute, got " + requestsPerUserPerMinute);
    }
  }

  public static SlackSettings defaults() {
    return new SlackSettings(
        Mode.SOCKET,
        "127.0.0.1",
        3000,
        "/slack/events",
        DEFAULT_API_BASE_URL,
        Set.of("files.slack.com"),
        Set.of(),
        Set.of(),
        20);
  }

  /**
   * Reads REGDOC_SLACK_* keys (mode, http.host, http.port, http.path, api.base.url, file.hosts,
   * teams, channels, rate.per.minute); lists are comma-separated. Missing keys keep the defaults.
   */
  public static SlackSettings from(Map<String, String> env) {
    SlackSettings d = defaults();
    return new SlackSettings(
        mode(env.getOrDefault("REGDOC_SLACK_MODE", "socket")),
        env.getOrDefault("REGDOC_SLACK_HTTP_HOST", d.httpHost()),
        ConfigValues.wholeNumber(env, "REGDOC_SLACK_HTTP_PORT", d.httpPort(), 0, 65535),
        env.getOrDefault("REGDOC_SLACK_HTTP_PATH", d.httpPath()),
        env.getOrDefault("REGDOC_SLACK_API_BASE_URL", d.apiBaseUrl()),
        ChatSettings.commaList(env, "REGDOC_SLACK_FILE_HOSTS", d.allowedFileHosts()),
        ChatSettings.commaList(env, "REGDOC_SLACK_TEAMS", Set.of()),
        ChatSettings.commaList(env, "REGDOC_SLACK_CHANNELS", Set.of()),
        ConfigValues.wholeNumber(
            env, "REGDOC_SLACK_RATE_PER_MINUTE", d.requestsPerUserPerMinute(), 1, 100_000));
  }

  public SlackSettings withMode(Mode m) {
    return new SlackSettings(
        m,
        httpHost,
        httpPort,
        httpPath,
        apiBaseUrl,
        allowedFileHosts,
        allowedTeams,
        allowedChannels,
        requestsPerUserPerMinute);
  }

  public SlackSettings withHttp(String host, int port) {
    return new SlackSettings(
        Mode.HTTP,
        host,
        port,
        httpPath,
        apiBaseUrl,
        allowedFileHosts,
        allowedTeams,
        allowedChannels,
        requestsPerUserPerMinute);
  }

  public SlackSettings withApiBaseUrl(String url) {
    return new SlackSettings(
        mode,
        httpHost,
        httpPort,
        httpPath,
        url,
        allowedFileHosts,
        allowedTeams,
        allowedChannels,
        requestsPerUserPerMinute);
  }

  public SlackSettings withAllowedFileHosts(Set<String> hosts) {
    return new SlackSettings(
        mode,
        httpHost,
        httpPort,
        httpPath,
        apiBaseUrl,
        hosts,
        allowedTeams,
        allowedChannels,
        requestsPerUserPerMinute);
  }

  public SlackSettings withAllowlists(Set<String> teams, Set<String> channels) {
    return new SlackSettings(
        mode,
        httpHost,
        httpPort,
        httpPath,
        apiBaseUrl,
        allowedFileHosts,
        teams,
        channels,
        requestsPerUserPerMinute);
  }

  public SlackSettings withRateLimit(int perMinute) {
    return new SlackSettings(
        mode,
        httpHost,
        httpPort,
        httpPath,
        apiBaseUrl,
        allowedFileHosts,
        allowedTeams,
        allowedChannels,
        perMinute);
  }

  /** Whether a team/channel is served (an empty list serves all). */
  public boolean serves(String team, String channel) {
    return ChatSettings.serves(allowedTeams, allowedChannels, team, channel);
  }

  private static Mode mode(String v) {
    String m = v.trim().toLowerCase(Locale.ROOT);
    if (m.equals("socket")) {
      return Mode.SOCKET;
    } else if (m.equals("http")) {
      return Mode.HTTP;
    }
    throw new IllegalArgumentException(
        "REGDOC_SLACK_MODE must be socket or http, got \"" + v + "\"");
  }
}
