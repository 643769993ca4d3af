package dev.regdoc.conversation.store;

import java.util.Map;

/**
 * What regdoc remembers about a user across cases.
 *
 * @param lang "en", "ja", or null when the user never chose
 * @param learning lesson progress for "teach me": lesson id to the step reached (engine-defined
 *     strings)
 */
public record UserProfile(String userId, String lang, Map<String, String> learning) {
  public UserProfile {
    learning = Map.copyOf(learning);
  }
}
