package dev.regdoc.timeline;

import dev.regdoc.facts.FileReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file list a person reads, with long runs of alike files folded: an RTMT zip of thousands of
 * entries regdoc skips for the same reason is a few names and a count, not thousands of lines.
 * Files are alike when they come from the same archive and fared the same way (kind, what they
 * looked like, read or not, the same problems); the first few of each run stay, in their places.
 */
public final class FileListFold {
  /** Files of one run shown before the rest are counted. */
  public static final int KEEP = 3;

  private FileListFold() {}

  /**
   * One line of the folded list.
   *
   * @param moreLikeIt how many alike files after this one are not shown (0 for most)
   */
  public record Shown(FileReport report, int moreLikeIt) {}

  public static List<Shown> fold(List<FileReport> files) {
    List<List<Object>> keys = files.stream().map(FileListFold::alikeKey).toList();
    Map<List<Object>, Integer> runSizes = new HashMap<>();
    keys.forEach(k -> runSizes.merge(k, 1, Integer::sum));
    Map<List<Object>, Integer> seen = new HashMap<>();
    List<Shown> out = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      FileReport f = files.get(i);
      List<Object> key = keys.get(i);
      int size = runSizes.get(key);
      int at = seen.merge(key, 1, Integer::sum) - 1;
      if (size <= KEEP + 1) {
        out.add(new Shown(f, 0));
      } else if (at < KEEP) {
        out.add(new Shown(f, at == KEEP - 1 ? size - KEEP : 0));
      }
    }
    return out;
  }

  private static List<Object> alikeKey(FileReport f) {
    int bang = f.file().lastIndexOf("!/");
    String archive = bang < 0 ? "" : f.file().substring(0, bang);
    String name = f.file();
    List<String> problems =
        f.problemKeys().stream()
            .map(p -> p.key() != null ? p.key() : p.text().replace(name, ""))
            .toList();
    return Arrays.asList(archive, f.kind(), f.looksLike(), f.read(), problems);
  }
}
