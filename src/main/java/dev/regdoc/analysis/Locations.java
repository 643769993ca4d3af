package dev.regdoc.analysis;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the operator-editable rule folder is: a system property wins, then the working directory,
 * then the folder next to the installed jar (target/ sits inside the project). The knowledge base
 * has its own locator ({@code KnowledgeBase.defaultDirectory()}).
 */
public final class Locations {
  private Locations() {}

  public static Path rules() {
    return find("regdoc.rules", "rules");
  }

  static Path find(String property, String name) {
    String configured = System.getProperty(property);
    if (configured != null) {
      return Path.of(configured);
    }
    Path here = Path.of(name);
    if (Files.isDirectory(here)) {
      return here;
    }
    try {
      Path jar =
          Path.of(Locations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = jar.getParent(); p != null; p = p.getParent()) {
        if (Files.isDirectory(p.resolve(name))) {
          return p.resolve(name);
        }
      }
    } catch (URISyntaxException | SecurityException e) {
      // fall through to the relative name; the loader reports it missing
    }
    return here;
  }
}
