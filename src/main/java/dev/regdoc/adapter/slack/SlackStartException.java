package dev.regdoc.adapter.slack;

/**
 * The Slack adapter could not start; the message is one line meant for the operator (never contains
 * a token).
 */
public final class SlackStartException extends RuntimeException {
  public SlackStartException(String message) {
    super(message, null, false, false);
  }
}
