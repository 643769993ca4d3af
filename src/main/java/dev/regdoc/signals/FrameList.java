package dev.regdoc.signals;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list of frame numbers kept as primitives. A large capture's registration
 * transactions are held by the hundred thousand, nearly every one sent once: a one-element list of
 * a boxed frame number costs two objects each, this one none beside itself.
 */
final class FrameList extends AbstractList<Long> implements RandomAccess {
  private final long first;
  private final long[] all; // null when the list holds just the first

  private FrameList(long first, long[] all) {
    this.first = first;
    this.all = all;
  }

  /** The frames in order; the array is taken, not copied. */
  static List<Long> of(long[] frames) {
    if (frames.length == 0) {
      return List.of();
    }
    return new FrameList(frames[0], frames.length == 1 ? null : frames);
  }

  @Override
  public Long get(int index) {
    if (all != null) {
      return all[index];
    }
    if (index != 0) {
      throw new IndexOutOfBoundsException(index);
    }
    return first;
  }

  @Override
  public int size() {
    return all == null ? 1 : all.length;
  }
}
