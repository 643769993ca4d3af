package dev.regdoc.capture;

import java.io.IOException;

/**
 * A capture that cannot be read at all; the message says why, for the user (the caller names the
 * file).
 */
public final class CaptureException extends IOException {
  public CaptureException(String message) {
    super(message);
  }
}
