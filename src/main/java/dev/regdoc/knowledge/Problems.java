package dev.regdoc.knowledge;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while loading, so that one exception can report them all. */
final class Problems {
  private final List<String> list = new ArrayList<>();

  void add(String file, String entry, String message) {
    list.add(entry == null ? file + ": " + message : file + ": " + entry + ": " + message);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<String> all() {
    return List.copyOf(list);
  }
}
