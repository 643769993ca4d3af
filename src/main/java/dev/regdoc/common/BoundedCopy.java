package dev.regdoc.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Streams into a file up to a byte limit: what users send (uploads, downloads, unpacked archives)
 * must not fill the disk.
 */
public final class BoundedCopy {
  /** What {@link #copyAtMost} returns when the stream is longer than the limit. */
  public static final long TOO_LARGE = -1;

  private static final int BUFFER = 1 << 16;

  private BoundedCopy() {}

  /**
   * Copies {@code in} to {@code target} and returns the bytes copied, or {@link #TOO_LARGE} as soon
   * as more than {@code limit} came: reading stops there and the target keeps only what came
   * before. {@code in} is left open, so a caller may still drain or close it as its protocol needs.
   */
  public static long copyAtMost(InputStream in, Path target, long limit) throws IOException {
    return copyAtMost(in, target, limit, null);
  }

  /**
   * As {@link #copyAtMost(InputStream, Path, long)}, also feeding every byte kept to {@code digest}
   * (when not null): a receiver hashes what it stores as it arrives, instead of reading it again.
   */
  public static long copyAtMost(InputStream in, Path target, long limit, MessageDigest digest)
      throws IOException {
    byte[] buf = new byte[BUFFER];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > limit) {
          return TOO_LARGE;
        }
        out.write(buf, 0, n);
        if (digest != null) {
          digest.update(buf, 0, n);
        }
      }
    }
    return total;
  }

  /**
   * Copies the next {@code bytes} bytes of {@code in} to {@code target}, and no more (the rest of a
   * body that holds several files one after another stays for the next); returns how many came,
   * fewer when the stream ended first.
   */
  public static long copyExactly(InputStream in, Path target, long bytes) throws IOException {
    return copyExactly(in, target, bytes, null);
  }

  /** As {@link #copyExactly(InputStream, Path, long)}, feeding the bytes to {@code digest} too. */
  public static long copyExactly(InputStream in, Path target, long bytes, MessageDigest digest)
      throws IOException {
    byte[] buf = new byte[BUFFER];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      while (total < bytes) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, bytes - total));
        if (n < 0) {
          break;
        }
        out.write(buf, 0, n);
        if (digest != null) {
          digest.update(buf, 0, n);
        }
        total += n;
      }
    }
    return total;
  }
}
