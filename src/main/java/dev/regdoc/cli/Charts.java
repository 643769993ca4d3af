package dev.regdoc.cli;

import dev.regdoc.charts.Picture;
import dev.regdoc.charts.Pictures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Writes the pictures of {@code --chart DIR} and says where they went (on stderr, so that JSON on stdout stays clean). */
final class Charts {
  /** {@code regdoc timeline --chart} draws this many phones at most (use --device for another one). */
  static final int MAX_TIMELINE_DEVICES = 5;

  private Charts() {}

  private static String why(Exception e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "a folder on the way does not exist";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  static boolean write(List<Picture> pictures, Path dir, PrintWriter err) {
    try {
      List<Path> files = Pictures.write(pictures, dir);
      if (files.isEmpty()) {
        err.println("regdoc: no pictures: nothing to draw (no phone with a fault, or no phone at all)");
      }
      files.forEach(f -> err.println("regdoc: wrote " + f));
      err.flush();
      return true;
    } catch (IOException | RuntimeException e) {
      err.println("regdoc: cannot write the pictures to " + dir + ": " + why(e));
      err.flush();
      return false;
    }
  }
}
