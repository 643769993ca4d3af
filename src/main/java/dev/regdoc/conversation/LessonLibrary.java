package dev.regdoc.conversation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files the lessons ship with (captures, logs, configs), one folder per lesson under the
 * knowledge base's {@code lessons/}. Front ends offer them to the learner: the terminal by their
 * path on this machine, the web chat and Slack as downloads. A file is given out only when it is a
 * regular file directly inside its lesson's folder: names are single plain path segments (no
 * separator, no "..", no leading dot), and the real path (links followed) must stay inside the
 * lessons folder.
 */
public final class LessonLibrary {
  /** One path segment of letters, digits, '.', '_' and '-', not starting with a dot. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  private final Path root;

  /**
   * @param root the lessons folder; made absolute so the terminal can name it from any directory
   */
  public LessonLibrary(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The folder of {@code lesson} on this machine, when it exists. */
  public Optional<Path> folder(String lesson) {
    if (!plain(lesson)) {
      return Optional.empty();
    }
    Path dir = root.resolve(lesson);
    return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) ? Optional.of(dir) : Optional.empty();
  }

  /** The lessons that have a folder here, by name, sorted. */
  public List<String> folders() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> folder(n).isPresent())
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The names of the lesson's files, sorted; empty when it has none. */
  public List<String> files(String lesson) {
    Optional<Path> dir = folder(lesson);
    if (dir.isEmpty()) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir.get())) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> file(lesson, n).isPresent())
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * The lesson's file {@code name}, or empty for anything else: another folder, a path, a link that
   * leads out of the lessons folder, a directory, a missing file.
   */
  public Optional<Path> file(String lesson, String name) {
    if (!plain(name)) {
      return Optional.empty();
    }
    Optional<Path> dir = folder(lesson);
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    Path candidate = dir.get().resolve(name);
    try {
      Path real = candidate.toRealPath();
      if (!real.startsWith(root.toRealPath()) || !Files.isRegularFile(real)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(candidate);
  }

  private static boolean plain(String segment) {
    return segment != null && NAME.matcher(segment).matches() && !segment.contains("..");
  }
}
