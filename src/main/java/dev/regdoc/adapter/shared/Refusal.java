package dev.regdoc.adapter.shared;

import java.util.List;

/**
 * Why a shared file was not downloaded, said in the user's language: a phrase of team-chat.yaml and
 * its values (name, value, name, value...).
 */
public record Refusal(String key, List<Object> values) {

  public Refusal {
    values = List.copyOf(values);
  }

  static Refusal of(String key, Object... values) {
    return new Refusal(key, List.of(values));
  }

  public String say(ChatWords words, String lang) {
    return words.say(key, lang, values.toArray());
  }
}
