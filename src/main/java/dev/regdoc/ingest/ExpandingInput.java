package dev.regdoc.ingest;

import dev.regdoc.common.Sizes;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * The expanded side of a gzip stream or zip entry, stopped as soon as it grows past its byte limit
 * or past {@code maxRatio} times the compressed bytes consumed so far: a bomb is judged while it
 * expands, not after.
 */
final class ExpandingInput extends CountedInput {
  /**
   * Below this the ratio is not judged: a small config may well shrink a thousandfold, and that
   * costs nothing.
   */
  static final long RATIO_FREE_BYTES = 1L << 20;

  private final LongSupplier compressed;
  private final long limit;
  private final long maxRatio;
  private final String name;

  /**
   * @param compressed compressed bytes consumed so far by the inflater under this stream
   * @param name the file or entry as the user knows it, for the refusal
   */
  ExpandingInput(
      InputStream expanded, LongSupplier compressed, long limit, long maxRatio, String name) {
    super(expanded);
    this.compressed = compressed;
    this.limit = limit;
    this.maxRatio = maxRatio;
    this.name = name;
  }

  @Override
  public long skip(long n) throws IOException {
    return read(new byte[(int) Math.min(n, 1 << 16)]); // skipped bytes are expanded all the same
  }

  @Override
  protected void counted() throws LimitExceeded {
    long count = count();
    if (count > limit) {
      throw new LimitExceeded(
          name
              + " expands past "
              + Sizes.human(limit)
              + "; not unpacked further (a compression bomb, or raise the limit)");
    }
    long in = Math.max(1, compressed.getAsLong());
    if (count > RATIO_FREE_BYTES && count / in > maxRatio) {
      throw new LimitExceeded(
          name
              + " expands more than "
              + maxRatio
              + " times its compressed size ("
              + Sizes.human(count)
              + " from "
              + Sizes.human(in)
              + " so far); not unpacked further (a likely compression bomb)");
    }
  }
}
