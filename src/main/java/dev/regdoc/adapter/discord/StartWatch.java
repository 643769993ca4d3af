package dev.regdoc.adapter.discord;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;

/**
 * Why the gateway closed while regdoc was connecting: JDA only says it shut down, while the close
 * code tells a refused token from an intent the portal has not switched on.
 */
final class StartWatch extends ListenerAdapter {
  private volatile CloseCode closeCode;

  /** JDA marks itself shut down before it fires the event, so awaitShutdown is too early. */
  private final CountDownLatch shutdown = new CountDownLatch(1);

  @Override
  public void onShutdown(ShutdownEvent e) {
    closeCode = e.getCloseCode();
    shutdown.countDown();
  }

  /** The one-line failure for the close code, once JDA has told it. */
  Optional<DiscordStartException> failure() {
    try {
      shutdown.await(10, TimeUnit.SECONDS);
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
