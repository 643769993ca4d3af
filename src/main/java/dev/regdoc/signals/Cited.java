package dev.regdoc.signals;

import java.time.Instant;

/** A signal that points at a place in a file, so a finding can cite it as evidence. */
public interface Cited {
  String file();

  long frame();

  Instant time();
}
