package dev.regdoc.adapter.discord;

import java.time.Duration;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;

/**
 * Why the gateway closed while regdoc was connecting: JDA only says it shut down, while the close
 * code tells a refused token from an intent the portal has not switched on.
 */
final class StartWatch extends ListenerAdapter {
  private volatile CloseCode closeCode;

  @Override
  public void onShutdown(ShutdownEvent e) {
    closeCode = e.getCloseCode();
  }

  /** The one-line failure for the close code, once JDA has finished shutting down. */
  Optional<DiscordStartException> failure(JDA jda) {
    try {
      jda.awaitShutdown(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return failure(closeCode);
  }

  static Optional<DiscordStartException> failure(CloseCode code) {
    if (code == CloseCode.DISALLOWED_INTENTS) {
      return Optional.of(DiscordAdapter.missingIntent());
    } else if (code == CloseCode.AUTHENTICATION_FAILED) {
      return Optional.of(DiscordAdapter.refusedToken());
    }
    return Optional.empty();
  }
}
