package dev.regdoc.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A part of a document written from the sources it lists (the fault manifest, the knowledge base)
 * between {@code <!-- begin NAME ... -->} and {@code <!-- end NAME -->}, so a new fault adds itself
 * to the README's lists instead of being typed in by hand. The test that owns a section compares it
 * with what it would write, and writes it with {@code -Dregdoc.updateGolden=true}.
 */
record MarkedSection(Path file, String name) {
  static final String REFRESH =
      "./mvnw -q -o test -Dtest=RulesKnowledgeConsistencyTest -Dregdoc.updateGolden=true";

  /** The text between the markers, without them. */
  String current() throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int[] at = bounds(text);
    return text.substring(at[0], at[1]);
  }

  /** Writes {@code body} between the markers when asked to refresh; returns what is there now. */
  String refreshedWith(String body) throws IOException {
    if (Boolean.getBoolean("regdoc.updateGolden")) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int[] at = bounds(text);
      Files.writeString(
          file, text.substring(0, at[0]) + body + text.substring(at[1]), StandardCharsets.UTF_8);
    }
    return current();
  }

  /**
   * What a failing comparison says: which part, written from what, and the command that writes it.
   */
  String stale() {
    return file + ": the section '" + name + "' is written by a test; refresh it with " + REFRESH;
  }

  private int[] bounds(String text) {
    String begin = "<!-- begin " + name;
    int b = text.indexOf(begin);
    int e = text.indexOf("<!-- end " + name + " -->");
    if (b < 0 || e < b) {
      throw new IllegalStateException(
          file + " has no section marked '" + begin + " ... -->' ... '<!-- end " + name + " -->'");
    }
    return new int[] {text.indexOf("-->", b) + 3, e};
  }
}
