package dev.regdoc.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text as UTF-8 bytes, encoded as it is read: lets a reader that works on bytes take text that is
 * already characters, without holding it all.
 */
public final class Utf8InputStream extends InputStream {
  private final Reader in;
  private final CharsetEncoder encoder =
      StandardCharsets.UTF_8
          .newEncoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final CharBuffer chars = CharBuffer.allocate(8192);
  private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192 + 16);
  private boolean endOfInput;

  public Utf8InputStream(Reader in) {
    this.in = in;
    bytes.flip();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (!bytes.hasRemaining()) {
      if (endOfInput) {
        return -1;
      }
      refill();
    }
    int n = Math.min(len, bytes.remaining());
    bytes.get(b, off, n);
    return n;
  }

  private void refill() throws IOException {
    int r = in.read(chars.array(), chars.position(), chars.remaining());
    if (r < 0) {
      endOfInput = true;
    } else {
      chars.position(chars.position() + r);
    }
    chars.flip();
    bytes.clear();
    CoderResult result = encoder.encode(chars, bytes, endOfInput);
    if (endOfInput && !result.isOverflow()) {
      encoder.flush(bytes);
    }
    chars.compact();
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
