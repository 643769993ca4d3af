package dev.regdoc.adapter.shared;

import dev.regdoc.common.Sizes;
import dev.regdoc.conversation.Block;
import java.util.function.UnaryOperator;

/**
 * How a team chat shows one file's status, the same on every platform, only the markup differs:
 * icon, bold name, what it looked like and its size, the mark of a file not read or skipped, then
 * its problems one a line. A skipped file (notes, a README: neither a log nor a configuration) is
 * shown with the file icon, not the warning: it was set aside on purpose and nothing in it was
 * wrong, while the warning calls for action (a file that could not be read).
 *
 * @param fileIcon the icon of a file read or skipped
 * @param warningIcon the icon of a file that could not be read
 * @param bold the platform's bold
 * @param plain makes text from the file safe in the platform's markup
 */
public record FileStatusLine(
    String fileIcon, String warningIcon, UnaryOperator<String> bold, UnaryOperator<String> plain) {

  public String render(Block.FileStatus f) {
    StringBuilder s =
        new StringBuilder(f.read() || f.skipped() ? fileIcon : warningIcon)
            .append(' ')
            .append(bold.apply(plain.apply(f.name())))
            .append(" (")
            .append(plain.apply(f.looksLike()))
            .append(", ")
            .append(Sizes.human(f.sizeBytes()))
            .append(')');
    if (!f.read()) {
      s.append(' ').append(f.skipped() ? f.skippedMark() : f.notRead());
    }
    f.problems().forEach(p -> s.append('\n').append(plain.apply(p)));
    return s.toString();
  }
}
