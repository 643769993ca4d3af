package dev.regdoc.adapter.shared;

/**
 * The chat's own phrases (knowledge-base/team-chat.yaml and chat.yaml) in a language, as the engine
 * gives them ({@code ChatEngine::phrase}): what a front end says itself is never a sentence in
 * Java.
 */
@FunctionalInterface
public interface ChatWords {

  /** The phrase {@code key} in {@code lang} ("en", "ja"), filled from values (name, value...). */
  String say(String key, String lang, Object... values);
}
