package dev.regdoc.ingest;

import dev.regdoc.common.WorkLimit;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The compressed side of an archive: counts the bytes the inflater has consumed, so the ratio can be judged as it expands. */
final class CountedInput extends FilterInputStream {
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
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    // also reached while a refused zip entry is skipped, so that skipping is bounded by the analysis' time limit
    WorkLimit.checkpoint();
    int n = super.read(b, off, len);
    if (n > 0) {
      count += n;
    }
    return n;
  }

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
