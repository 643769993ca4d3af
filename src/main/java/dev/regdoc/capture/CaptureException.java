package dev.regdoc.capture;

import java.io.IOException;

/** A capture that cannot be read at all; the message names the file and says why, for the user. */
public final class CaptureException extends IOException {
  public CaptureException(String message) {
    super(message);
  }
}
