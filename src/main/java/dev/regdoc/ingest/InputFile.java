package dev.regdoc.ingest;

import java.nio.file.Path;

/** A file handed to regdoc and the name to cite it by. */
public record InputFile(Path path, String name) {
  public static InputFile of(Path path) {
    return new InputFile(path, path.getFileName().toString());
  }
}
