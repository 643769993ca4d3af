package dev.regdoc.knowledge;

import java.util.List;

/**
 * A background explanation the bot can give.
 *
 * @param caveat what is unverified or disputed about it, or null
 * @param related ids of related concepts
 */
public record Concept(
    String id,
    Text title,
    Aliases aliases,
    Text summary,
    Text detail,
    Text caveat,
    List<String> related) {
  public Concept {
    related = List.copyOf(related);
  }
}
