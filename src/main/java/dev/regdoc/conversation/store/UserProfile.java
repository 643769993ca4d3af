package dev.regdoc.conversation.store;

import java.util.Map;

/**
 * What regdoc remembers about a user across cases.
 *
 * @param lang "en", "ja", or null when the user never chose
 * @param learning lesson progress for "teach me": lesson id to the step reached (engine-defined
 *     strings)
 * @param platformLang the language the user's chat platform last said the user reads ("ja",
 *     "en-US"), or null: Discord tells it only with an interaction, so their plain messages are
 *     answered in it too, after a restart and on any instance
 */
public record UserProfile(
    String userId, String lang, Map<String, String> learning, String platformLang) {
  public UserProfile {
    learning = Map.copyOf(learning);
  }

  public UserProfile(String userId, String lang, Map<String, String> learning) {
    this(userId, lang, learning, null);
  }
}
