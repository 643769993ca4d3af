package dev.regdoc.ingest;

import dev.regdoc.common.Sizes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies a decompressing stream to a temp file, stopping at a byte limit. */
final class BoundedCopy {
  private BoundedCopy() {}

  /** @return bytes written */
  static long copy(InputStream in, Path target, long limit, String what) throws IOException {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > limit) {
          throw new LimitExceeded(what + " expands past " + Sizes.human(limit)
              + "; not unpacked further (a compression bomb, or raise the limit)");
        }
        out.write(buf, 0, n);
      }
    }
    return total;
  }
}
