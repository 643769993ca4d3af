package dev.regdoc.ingest;

import dev.regdoc.common.WorkLimit;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it: the compressed side of an archive (what the inflater has
 * consumed, so the ratio can be judged as it expands), and, through {@link #counted}, the expanded
 * side's checks.
 */
class CountedInput extends FilterInputStream {
  private long count;

  CountedInput(InputStream in) {
    super(in);
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count++;
      counted();
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    // also reached while a refused zip entry is skipped, so that skipping is bounded by the
    // analysis' time limit
    WorkLimit.checkpoint();
    int n = super.read(b, off, len);
    if (n > 0) {
      count += n;
      counted();
    }
    return n;
  }

  /** Called after each read that moved {@link #count()}; a subclass may refuse to go on. */
  protected void counted() throws IOException {}

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count += skipped;
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
