package dev.regdoc.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams into a file up to a byte limit: what users send (uploads, downloads, unpacked archives)
 * must not fill the disk.
 */
public final class BoundedCopy {
  /** What {@link #copyAtMost} returns when the stream is longer than the limit. */
  public static final long TOO_LARGE = -1;

  private BoundedCopy() {}

  /**
   * Copies {@code in} to {@code target} and returns the bytes copied, or {@link #TOO_LARGE} as soon
   * as more than {@code limit} came: reading stops there and the target keeps only what came
   * before. {@code in} is left open, so a caller may still drain or close it as its protocol needs.
   */
  public static long copyAtMost(InputStream in, Path target, long limit) throws IOException {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > limit) {
          return TOO_LARGE;
        }
        out.write(buf, 0, n);
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
    byte[] buf = new byte[1 << 16];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      while (total < bytes) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, bytes - total));
        if (n < 0) {
          break;
        }
        out.write(buf, 0, n);
        total += n;
      }
    }
    return total;
  }
}
