package dev.regdoc.facts;

import java.util.List;
import java.util.Map;

/**
 * What regdoc made of one file the user gave (or one entry of an archive).
 *
 * @param file the name as the user knows it; archive entries as "bundle.zip!/path/in/zip"
 * @param looksLike what the content looked like
 * @param read true when at least part of it was read
 * @param counts what it held, e.g. frames, decoded, lines, recognised
 * @param problems user-facing sentences, each naming the file
 */
public record FileReport(
    String file,
    InputKind kind,
    String looksLike,
    boolean read,
    Map<String, Long> counts,
    List<String> problems) {

  /** True for a file that was not read because it is neither a log nor a configuration. */
  public boolean skipped() {
    return kind == InputKind.OTHER_TEXT;
  }
}
