package dev.regdoc.common;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded queue from one producing thread to one consumer, whose consumer cannot wait forever for
 * a producer that died. A thread that runs out of heap may fail even in its own error handling (the
 * end marker it meant to hand over is one more allocation), so the consumer does not rely on being
 * told: it looks at the producer's liveness whenever the queue stays empty for a moment.
 */
public final class Handover<T> {
  private static final long LOOK_MILLIS = 50;

  private final BlockingQueue<T> queue;
  private Thread producer;

  public Handover(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** The thread that puts; set before it starts. */
  public void producer(Thread thread) {
    this.producer = thread;
  }

  /** Puts {@code item}, waiting for room. */
  public void put(T item) throws InterruptedException {
    queue.put(item);
  }

  /**
   * The next item; {@code whenProducerDied} once the producer has ended and left nothing more,
   * whether or not it handed over an end of its own.
   */
  public T take(T whenProducerDied) throws InterruptedException {
    while (true) {
      T item = queue.poll(LOOK_MILLIS, TimeUnit.MILLISECONDS);
      if (item != null) {
        return item;
      }
      if (producer != null && !producer.isAlive()) {
        item = queue.poll(); // put just before it ended
        return item != null ? item : whenProducerDied;
      }
    }
  }
}
