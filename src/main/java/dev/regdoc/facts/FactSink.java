package dev.regdoc.facts;

/** Readers push facts as they stream through a file; they never hold the whole file. */
@FunctionalInterface
public interface FactSink {
  void accept(Fact fact);
}
