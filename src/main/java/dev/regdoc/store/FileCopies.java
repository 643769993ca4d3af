package dev.regdoc.store;

import dev.regdoc.common.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The uploaded bytes on disk, one copy per SHA-256 under files/&lt;first 2 hex&gt;/&lt;sha256&gt;.
 */
final class FileCopies {

  record Copied(String sha256, long size) {}

  private final Path root;
  private final TempFiles temp;
  private final CrossProcessLock lock;

  FileCopies(Path dataDir) {
    this.root = dataDir.resolve("files");
    this.temp = TempFiles.under(dataDir.resolve("tmp"));
    this.lock = new CrossProcessLock(dataDir.resolve("files.lock"));
  }

  /**
   * Runs {@code work} while no other thread or process that shares these copies runs theirs: a copy
   * is stored and recorded, or found expired and deleted, as one step.
   */
  <T> T exclusively(Supplier<T> work) {
    return lock.call(work);
  }

  /**
   * Copies {@code content} to a temp file while hashing it, then moves it in place atomically
   * unless already there.
   */
  Copied store(Path content) {
    try {
      // in the data directory's temp folder: on the same disk as the copies, so the move below is
      // atomic
      Path tmp = temp.newFile("upload", ".part");
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long size;
        try (InputStream in = Files.newInputStream(content);
            OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
          size = in.transferTo(out);
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        Path target = pathOf(hex);
        if (!Files.exists(target)) {
          Files.createDirectories(target.getParent());
          Files.move(
              tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return new Copied(hex, size);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot keep a copy of " + content + " under " + root + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Keeps {@code content}, whose SHA-256 the caller computed as it received it, by moving the file
   * itself in place: no second read and write of the bytes. A file on another file system, or a
   * hash that is not one, is copied and hashed as by {@link #store}. {@code content} is gone
   * afterwards, unless a copy of the same bytes was there already.
   */
  Copied adopt(Path content, String sha256) {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      return store(content);
    }
    try {
      long size = Files.size(content);
      Path target = pathOf(sha256);
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        try {
          Files.move(content, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          return store(content); // on another file system: copied and hashed instead
        }
      }
      return new Copied(sha256, size);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot keep " + content + " under " + root + ": " + e.getMessage(), e);
    }
  }

  /** Receives the bytes of a copy fetched from elsewhere (the database). */
  interface Source {
    /** Writes the content to {@code out}; false when there is none. */
    boolean writeTo(OutputStream out) throws IOException;
  }

  /**
   * The copy of {@code sha256}, fetched from {@code source} first when it is not here: written to a
   * temp file, then moved in place atomically, so a reader never sees half a copy.
   */
  Optional<Path> findOrFetch(String sha256, Source source) {
    Optional<Path> here = find(sha256);
    if (here.isPresent() || !sha256.matches("[0-9a-f]{64}")) {
      return here;
    }
    try {
      Path tmp = temp.newFile("fetch", ".part");
      try {
        boolean found;
        try (OutputStream out = Files.newOutputStream(tmp)) {
          found = source.writeTo(out);
        }
        if (!found) {
          return Optional.empty();
        }
        Path target = pathOf(sha256);
        Files.createDirectories(target.getParent());
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return Optional.of(target);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot fetch the copy of " + sha256 + " into " + root + ": " + e.getMessage(), e);
    }
  }

  Optional<Path> find(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    Path p = pathOf(sha256);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  boolean delete(String sha256) {
    try {
      return Files.deleteIfExists(pathOf(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot delete the expired copy " + pathOf(sha256) + ": " + e.getMessage(), e);
    }
  }

  private Path pathOf(String sha256) {
    return root.resolve(sha256.substring(0, 2)).resolve(sha256);
  }
}
