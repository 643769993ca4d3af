package dev.regdoc.timeline;

import dev.regdoc.facts.FileReport;
import java.util.List;

/**
 * How the timeline's file list words each file: what it looked like, the marks of a file not read
 * or skipped, and its problems. The timeline sits below the knowledge base, so the layer that
 * answers in a language hands its words in; {@link #ENGLISH} is the readers' own English.
 */
public interface FileWording {
  String looksLike(FileReport file);

  List<String> problems(FileReport file);

  String notRead();

  String skipped();

  /** The language of the table's own words around the files ("en" or "ja"). */
  default String lang() {
    return "en";
  }

  FileWording ENGLISH =
      new FileWording() {
        @Override
        public String looksLike(FileReport file) {
          return file.looksLike();
        }

        @Override
        public List<String> problems(FileReport file) {
          return file.problems();
        }

        @Override
        public String notRead() {
          return "NOT READ";
        }

        @Override
        public String skipped() {
          return "skipped";
        }
      };
}
