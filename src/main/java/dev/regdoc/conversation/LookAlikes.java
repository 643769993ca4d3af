package dev.regdoc.conversation;

import dev.regdoc.knowledge.Aliases;
import dev.regdoc.knowledge.Text;
import java.util.List;
import java.util.Map;

/**
 * Pairs of faults a learner confuses ({@code teaching/look-alikes.yaml}): what tells them apart,
 * which file decides, and how a learner names each fault.
 *
 * @param names per fault code, the phrasings that name it in an answer
 */
record LookAlikes(Map<String, Aliases> names, List<Pair> pairs) {
  static LookAlikes none() {
    return new LookAlikes(Map.of(), List.of());
  }

  /** The pairs {@code code} is one of, in the file's order. */
  List<Pair> of(String code) {
    return pairs.stream().filter(p -> p.first().equals(code) || p.second().equals(code)).toList();
  }

  /**
   * Two look-alike faults.
   *
   * @param tells what tells them apart (the hint)
   * @param decides the file that decides between them
   * @param decidesPhrasings how an answer names that file
   * @param answers per fault code of the pair, the model answer when the evidence is of that fault
   */
  record Pair(
      String first,
      String second,
      Text tells,
      Text decides,
      Aliases decidesPhrasings,
      Map<String, Text> answers) {
    String other(String code) {
      return first.equals(code) ? second : first;
    }

    /** An id for the pair's key points, the same from either fault's lesson. */
    String id() {
      return first + "~" + second;
    }
  }
}
