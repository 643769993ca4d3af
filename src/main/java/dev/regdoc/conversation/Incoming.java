package dev.regdoc.conversation;

import java.util.List;

/**
 * One thing a user did in a chat: a line of text, files, or a button press (or several at once).
 *
 * @param conversation where it happened, stable across restarts: "web:&lt;session&gt;",
 *     "terminal:&lt;user&gt;", "slack:&lt;team&gt;:&lt;channel&gt;:&lt;thread ts&gt;". A
 *     conversation works on one case at a time; several conversations (and several users in one)
 *     may work the same case.
 * @param user who did it, stable per platform ("slack:U123", "web:alice")
 * @param userName a display name for the transcript
 * @param text what they wrote; empty when they only uploaded or pressed a button
 * @param uploads files they sent with it
 * @param action the id of the button they pressed ({@link Block.Choice#action()}), or null
 * @param langHint the user's language setting on the platform ("en", "ja"), or null when unknown
 * @param remote whether it came through a front end anyone who reaches it may call (the web chat),
 *     rather than from a local or signed-in user: then a case is joined only with its join code,
 *     not its (guessable) number
 */
public record Incoming(
    String conversation,
    String user,
    String userName,
    String text,
    List<Upload> uploads,
    String action,
    String langHint,
    boolean remote) {

  public Incoming {
    text = text == null ? "" : text;
    uploads = uploads == null ? List.of() : List.copyOf(uploads);
  }

  /** From a local or signed-in user ({@code remote} false). */
  public Incoming(
      String conversation,
      String user,
      String userName,
      String text,
      List<Upload> uploads,
      String action,
      String langHint) {
    this(conversation, user, userName, text, uploads, action, langHint, false);
  }

  public static Incoming text(String conversation, String user, String text) {
    return new Incoming(conversation, user, user, text, List.of(), null, null);
  }

  public static Incoming action(String conversation, String user, String action) {
    return new Incoming(conversation, user, user, "", List.of(), action, null);
  }

  public static Incoming upload(
      String conversation, String user, String text, List<Upload> uploads) {
    return new Incoming(conversation, user, user, text, uploads, null, null);
  }
}
