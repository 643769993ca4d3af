package dev.regdoc.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Line numbers of one file as runs of consecutive lines: 12, 13, 14, 20 is 12-14 and 20. */
public record LineRuns(List<Run> runs) {
  /** From {@code first} to {@code last}, both included; one line when they are equal. */
  public record Run(long first, long last) {
    public boolean single() {
      return first == last;
    }
  }

  static LineRuns of(Collection<Long> lines) {
    List<Run> out = new ArrayList<>();
    long first = -1;
    long last = -1;
    for (long n : new TreeSet<>(lines)) {
      if (first >= 0 && n == last + 1) {
        last = n;
        continue;
      }
      if (first >= 0) {
        out.add(new Run(first, last));
      }
      first = n;
      last = n;
    }
    if (first >= 0) {
      out.add(new Run(first, last));
    }
    return new LineRuns(List.copyOf(out));
  }

  /** One line in all. */
  public boolean single() {
    return runs.size() == 1 && runs.get(0).single();
  }
}
