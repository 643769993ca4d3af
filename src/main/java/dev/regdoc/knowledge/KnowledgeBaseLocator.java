package dev.regdoc.knowledge;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@link KnowledgeBase#loadDefault()} looks: the system property {@value #PROPERTY} if set,
 * else {@code knowledge-base/} in the working directory, else {@code knowledge-base/} next to the
 * jar.
 */
final class KnowledgeBaseLocator {
  static final String PROPERTY = "regdoc.kb";
  static final String DIR = "knowledge-base";

  private KnowledgeBaseLocator() {}

  /**
   * @param property value of the system property, or null
   * @param workingDir the working directory
   * @param codeLocation the jar (or classes directory) this class was loaded from, or null
   */
  static Path locate(String property, Path workingDir, Path codeLocation) {
    if (property != null && !property.isBlank()) {
      return Path.of(property.trim()); // explicit choice: used even if wrong, so the error names it
    }
    List<Path> tried = new ArrayList<>();
    Path inWorkingDir = workingDir.resolve(DIR);
    tried.add(inWorkingDir);
    if (Files.isDirectory(inWorkingDir)) {
      return inWorkingDir;
    }
    if (codeLocation != null && codeLocation.getParent() != null) {
      Path nextToJar = codeLocation.toAbsolutePath().getParent().resolve(DIR);
      tried.add(nextToJar);
      if (Files.isDirectory(nextToJar)) {
        return nextToJar;
      }
    }
    throw new KnowledgeBaseException(
        "not found",
        List.of(
            "no "
                + DIR
                + " directory at "
                + tried
                + "; set -D"
                + PROPERTY
                + "=<dir> to choose one"));
  }

  static Path codeLocation() {
    try {
      CodeSource source = KnowledgeBaseLocator.class.getProtectionDomain().getCodeSource();
      return source == null ? null : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return null;
    }
  }
}
