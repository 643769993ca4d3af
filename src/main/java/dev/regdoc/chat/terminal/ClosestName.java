package dev.regdoc.chat.terminal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * For a typed path that names no file: whether the line meant files at all, and the existing name
 * in the same folder closest to it ({@code cucm.pcapp} to {@code cucm.pcap}), written the way the
 * user wrote the folder.
 */
final class ClosestName {
  /** A folder with more entries than this is not searched (a typo is not worth a long scan). */
  private static final int MAX_ENTRIES = 10_000;

  private static final Set<String> FILE_EXTENSIONS =
      Set.of(
          "pcap", "pcapng", "cap", "gz", "zip", "txt", "log", "cfg", "conf", "csv", "json", "yaml",
          "yml", "md");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

  private final String home;

  ClosestName(String home) {
    this.home = home;
  }

  /**
   * True when a line of tokens that all look like paths, none of which exists, meant files: one is
   * written as a path (a '/', a leading '~'), ends in a file extension, or is a near miss of an
   * existing name. An IP address or a host name alone is not taken for a file.
   */
  boolean meantFiles(List<String> typed) {
    if (typed.stream().anyMatch(t -> IPV4.matcher(t).matches())) {
      return false;
    }
    return typed.stream()
        .anyMatch(
            t ->
                t.contains("/")
                    || t.startsWith("~")
                    || FILE_EXTENSIONS.contains(extension(t))
                    || closest(t).isPresent());
  }

  /** The closest existing name to {@code typed} in its folder, as the user would type it. */
  Optional<String> closest(String typed) {
    Path written;
    try {
      written = Path.of(typed.startsWith("~") ? home + typed.substring(1) : typed);
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    Path name = written.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    Path folder = written.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      return Optional.empty();
    }
    String wanted = name.toString();
    int limit = Math.max(1, Math.min(3, wanted.length() / 3));
    LevenshteinDistance distance = new LevenshteinDistance(limit);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int seen = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        if (++seen > MAX_ENTRIES) {
          break;
        }
        String candidate = entry.getFileName().toString();
        int d = distance.apply(wanted, candidate);
        if (d >= 0 && (d < bestDistance || (d == bestDistance && candidate.compareTo(best) < 0))) {
          best = candidate;
          bestDistance = d;
        }
      }
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
    if (best == null) {
      return Optional.empty();
    }
    int cut = typed.length() - wanted.length();
    return Optional.of(cut >= 0 && typed.endsWith(wanted) ? typed.substring(0, cut) + best : best);
  }

  private static String extension(String t) {
    int dot = t.lastIndexOf('.');
    return dot < 0 ? "" : t.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
