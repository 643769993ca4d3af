package dev.regdoc.chat.terminal;

import dev.regdoc.conversation.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the terminal chat puts a reply's pictures: {@code DATA_DIR/pictures/case-N/}, one folder
 * per case, so that the user can open them by the path the chat names.
 */
final class PictureFiles {
  private final Path root;

  /**
   * @param root the folder the case folders go in (created when the first picture comes)
   */
  PictureFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Writes the picture of case {@code caseId} (0: no case) and returns its absolute path. */
  Path write(long caseId, Block.Image image) throws IOException {
    Path dir = root.resolve(caseId > 0 ? "case-" + caseId : "no-case");
    Files.createDirectories(dir);
    Path file = dir.resolve(safe(image.fileName()));
    Files.write(file, image.png());
    return file;
  }

  /** Letters, digits, dot, dash and underscore only, never a path: names come from captures. */
  static String safe(String name) {
    String v = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return v.isEmpty() || v.startsWith(".") ? "_" + v : v;
  }
}
