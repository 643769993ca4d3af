package dev.regdoc.ingest;

import dev.regdoc.common.DisplayNames;
import java.nio.file.Path;

/** A file handed to regdoc and the name to cite it by. */
public record InputFile(Path path, String name) {
  public InputFile {
    name = DisplayNames.clean(name); // every report and evidence line cites it
  }

  public static InputFile of(Path path) {
    return new InputFile(path, path.getFileName().toString());
  }
}
