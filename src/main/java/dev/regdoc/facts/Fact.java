package dev.regdoc.facts;

import java.time.Instant;

/** Everything regdoc reads from a file becomes a Fact with its origin. */
public interface Fact {
  Origin origin();

  default Instant time() {
    return origin().time();
  }
}
