package dev.regdoc.conversation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What regdoc answers to one {@link Incoming}: blocks in order, in one language.
 *
 * @param caseId the case the conversation works on after this turn, or 0 when none is open
 */
public record Reply(String lang, long caseId, List<Block> blocks) {

  public Reply {
    blocks = List.copyOf(blocks);
  }

  /**
   * The reply as plain text, with no path of the machine regdoc runs on (the stored transcript,
   * logs, Slack's notification text).
   */
  public String plainText() {
    return PlainText.render(this, lesson -> Optional.empty());
  }

  /**
   * The reply as plain text for a user on the machine regdoc runs on (the terminal chat): a
   * lesson's files are named by their path, found with {@code lessonFolders} (lesson id to its
   * folder).
   */
  public String plainText(Function<String, Optional<Path>> lessonFolders) {
    return PlainText.render(this, lessonFolders);
  }

  /** Collects blocks for a reply. */
  public static final class Builder {
    private final List<Block> blocks = new ArrayList<>();

    public Builder text(String markdown) {
      blocks.add(new Block.Text(markdown));
      return this;
    }

    public Builder add(Block b) {
      blocks.add(b);
      return this;
    }

    public boolean isEmpty() {
      return blocks.isEmpty();
    }

    public Reply build(String lang, long caseId) {
      return new Reply(lang, caseId, blocks);
    }
  }
}
