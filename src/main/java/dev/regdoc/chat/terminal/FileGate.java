package dev.regdoc.chat.terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Decides whether the terminal chat may read a path a person typed. The path is resolved first
 * (links and '..'), so a link into /proc is judged as /proc: the kernel's pseudo-files (/proc,
 * /sys, /dev) are never read, nor anything but a regular file (a FIFO would block, a device never
 * ends); files outside the person's own folders (the current directory and the home directory) are
 * read only once they said yes.
 */
final class FileGate {
  private static final List<Path> NEVER =
      List.of(Path.of("/proc"), Path.of("/sys"), Path.of("/dev"));

  /** What may happen to one path. */
  enum Verdict {
    READ,
    ASK,
    REFUSED,
    MISSING
  }

  /** One typed path, its resolved file when it exists, and the verdict. */
  record Decision(String typed, Path file, Verdict verdict) {
    String name() {
      Path n = Path.of(typed).getFileName();
      return n == null ? typed : n.toString();
    }
  }

  private final List<Path> ownFolders;
  private final String home;

  FileGate(List<Path> ownFolders, String home) {
    this.ownFolders = ownFolders.stream().map(FileGate::real).filter(p -> p != null).toList();
    this.home = home;
  }

  Decision decide(String typed) {
    Path written;
    try {
      written =
          Path.of(typed.startsWith("~") ? home + typed.substring(1) : typed)
              .toAbsolutePath()
              .normalize();
    } catch (InvalidPathException e) {
      return new Decision(typed, null, Verdict.MISSING);
    }
    if (underAny(written, NEVER)) {
      return new Decision(typed, null, Verdict.REFUSED);
    }
    Path file = real(written);
    if (file == null) {
      return new Decision(
          typed, null, Files.isSymbolicLink(written) ? Verdict.REFUSED : Verdict.MISSING);
    }
    if (underAny(file, NEVER) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return new Decision(typed, null, Verdict.REFUSED);
    }
    return new Decision(typed, file, underAny(file, ownFolders) ? Verdict.READ : Verdict.ASK);
  }

  private static boolean underAny(Path p, List<Path> roots) {
    return roots.stream().anyMatch(p::startsWith);
  }

  /** The path with every link and '..' resolved; null when it does not exist. */
  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
