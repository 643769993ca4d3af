package dev.regdoc.ingest;

import java.io.IOException;

/** Expansion of an archive entry went past a limit. */
final class LimitExceeded extends IOException {
  LimitExceeded(String message) {
    super(message);
  }
}
