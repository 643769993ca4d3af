package dev.regdoc.adapter.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import dev.regdoc.adapter.shared.RequestGuards;
import dev.regdoc.conversation.ChatEngine;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * regdoc in Slack: Socket Mode by default (SLACK_APP_TOKEN + SLACK_BOT_TOKEN, no public URL), HTTP
 * mode as an option (SLACK_SIGNING_SECRET). Tokens come only from the environment and never appear
 * in messages or logs.
 */
public final class SlackAdapter {
  private SlackAdapter() {}

  /** A started adapter; {@link #close()} disconnects and stops the workers. */
  public interface Running extends AutoCloseable {
    /** The HTTP port (HTTP mode), or -1 in Socket Mode. */
    int port();

    @Override
    void close();
  }

  /**
   * Starts the adapter. Throws {@link SlackStartException} with a one-line message when a token is
   * missing, malformed or refused, or Slack cannot be reached.
   */
  public static Running start(SlackSettings settings, ChatEngine engine, Map<String, String> env) {
    return start(settings, engine, env, Clock.systemUTC());
  }

  static Running start(
      SlackSettings settings, ChatEngine engine, Map<String, String> env, Clock clock) {
    String botToken =
        token(
            env,
            "SLACK_BOT_TOKEN",
            "xoxb-",
            "the bot token (OAuth & Permissions > Bot User OAuth Token)");
    boolean socket = settings.mode() == SlackSettings.Mode.SOCKET;
    String appToken =
        socket
            ? token(
                env,
                "SLACK_APP_TOKEN",
                "xapp-",
                "the app-level token with connections:write (Basic Information > App-Level Tokens)")
            : null;
    String secret =
        socket
            ? null
            : token(
                env,
                "SLACK_SIGNING_SECRET",
                "",
                "the signing secret (Basic Information > App Credentials)");

    SlackConfig cfg = new SlackConfig();
    cfg.setMethodsEndpointUrlPrefix(settings.apiBaseUrl());
    // The SDK's call statistics resolve a team id per token with extra auth.test calls; regdoc does
    // not read them.
    cfg.setMethodsConfig(MethodsConfig.builder().statsEnabled(false).build());
    Slack slack = Slack.getInstance(cfg);
    AuthTestResponse auth = authTest(slack, botToken, settings.apiBaseUrl());

    AppConfig.AppConfigBuilder ab = AppConfig.builder().slack(slack).singleTeamBotToken(botToken);
    if (secret != null) {
      ab.signingSecret(secret);
    }
    App app = new App(ab.build());
    SlackPoster poster = new SlackPoster(slack.methods(botToken));
    RequestRunner runner =
        new RequestRunner(
            engine,
            settings,
            new RequestGuards(clock, settings.requestsPerUserPerMinute()),
            poster,
            botToken);
    new SlackEvents(runner, poster, auth.getUserId()).register(app);
    try {
      return socket
          ? startSocket(app, appToken, runner, settings)
          : startHttp(app, runner, settings);
    } catch (SlackStartException e) {
      runner.close();
      throw e;
    }
  }

  private static Running startHttp(App app, RequestRunner runner, SlackSettings s) {
    app.start();
    HttpModeServer server;
    try {
      server = new HttpModeServer(app, s.httpHost(), s.httpPort(), s.httpPath());
    } catch (IOException e) {
      throw new SlackStartException(
          "Slack HTTP mode cannot listen on "
              + s.httpHost()
              + ":"
              + s.httpPort()
              + ": "
              + e.getMessage());
    }
    return new Running() {
      @Override
      public int port() {
        return server.port();
      }

      @Override
      public void close() {
        server.close();
        app.stop();
        runner.close();
      }
    };
  }

  private static Running startSocket(
      App app, String appToken, RequestRunner runner, SlackSettings s) {
    checkAppToken(app.slack(), appToken, s.apiBaseUrl());
    SocketModeApp socket;
    try {
      socket = new SocketModeApp(appToken, SocketModeClient.Backend.JavaWebSocket, app);
      socket.startAsync();
    } catch (Exception e) {
      throw new SlackStartException(
          "Slack Socket Mode could not connect with SLACK_APP_TOKEN via "
              + s.apiBaseUrl()
              + "apps.connections.open: "
              + reason(e));
    }
    return new Running() {
      @Override
      public int port() {
        return -1;
      }

      @Override
      public void close() {
        try {
          socket.close();
        } catch (Exception e) {
          // closing a dead connection: nothing left to release
        }
        runner.close();
      }
    };
  }

  /**
   * Asks for a Socket Mode URL first so a refused app token is named plainly instead of as a socket
   * failure.
   */
  private static void checkAppToken(Slack slack, String appToken, String api) {
    AppsConnectionsOpenResponse r;
    try {
      r = slack.methods().appsConnectionsOpen(b -> b.token(appToken));
    } catch (IOException | SlackApiException e) {
      throw new SlackStartException(
          "Slack is not reachable at " + api + " (apps.connections.open: " + reason(e) + ")");
    }
    if (!r.isOk()) {
      throw new SlackStartException(
          "Slack refused SLACK_APP_TOKEN (apps.connections.open: "
              + r.getError()
              + "): use the app-level token with connections:write from Basic Information >"
              + " App-Level Tokens");
    }
  }

  private static AuthTestResponse authTest(Slack slack, String botToken, String api) {
    try {
      AuthTestResponse r = slack.methods(botToken).authTest(b -> b);
      if (!r.isOk()) {
        throw new SlackStartException(
            "Slack refused SLACK_BOT_TOKEN (auth.test: " + r.getError() + ")");
      }
      return r;
    } catch (IOException | SlackApiException e) {
      throw new SlackStartException(
          "Slack is not reachable at " + api + " (auth.test: " + reason(e) + ")");
    }
  }

  private static String token(Map<String, String> env, String name, String prefix, String what) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new SlackStartException(name + " is not set: export " + what);
    }
    if (!v.startsWith(prefix)) {
      throw new SlackStartException(
          name + " does not look right: it must start with \"" + prefix + "\" (" + what + ")");
    }
    return v.trim();
  }

  /** The innermost message, without anything that could carry a token. */
  private static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.replaceAll("x(app|oxb|oxp)-[A-Za-z0-9-]+", "x$1-…");
  }
}
