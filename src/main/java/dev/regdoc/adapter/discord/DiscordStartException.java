package dev.regdoc.adapter.discord;

/**
 * The Discord adapter could not start; the message is one line meant for the operator (never
 * contains the token).
 */
public final class DiscordStartException extends RuntimeException {
  public DiscordStartException(String message) {
    super(message, null, false, false);
  }
}
