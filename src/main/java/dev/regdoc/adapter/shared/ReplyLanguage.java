package dev.regdoc.adapter.shared;

import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language a team-chat front end says its own words in: the one the engine would answer the
 * turn in (the user's platform language, else the one kept for them in the case store). English
 * when the store cannot say, so a store outage never keeps a front end silent.
 */
public final class ReplyLanguage {
  private static final Logger log = LoggerFactory.getLogger(ReplyLanguage.class);

  private ReplyLanguage() {}

  /**
   * @param eventKey the platform's id of the request, for the log line only
   */
  public static String of(ChatEngine engine, Incoming turn, String eventKey) {
    try {
      return engine.language(turn);
    } catch (RuntimeException e) {
      log.warn("the language of {} is not known: {}", eventKey, e.toString());
      return "en";
    }
  }
}
