package dev.regdoc.knowledge;

import java.util.List;

/**
 * The knowledge base could not be loaded; {@link #problems()} lists every problem found, each
 * naming file and entry.
 */
public final class KnowledgeBaseException extends RuntimeException {
  private final List<String> problems;

  public KnowledgeBaseException(String where, List<String> problems) {
    super(message(where, problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String message(String where, List<String> problems) {
    StringBuilder sb =
        new StringBuilder("knowledge base ")
            .append(where)
            .append(": ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems");
    for (String p : problems) {
      sb.append(System.lineSeparator()).append("  - ").append(p);
    }
    return sb.toString();
  }
}
