package dev.regdoc.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The consumer ends when its producer dies without handing over an end, as a thread out of heap
 * does when even its end marker cannot be allocated.
 */
class HandoverTest {
  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aProducerThatDiesWithoutAnEndStillEndsTheConsumer() throws InterruptedException {
    Handover<String> handover = new Handover<>(2);
    Thread producer =
        new Thread(
            () -> {
              try {
                handover.put("a");
                handover.put("b");
              } catch (InterruptedException e) {
                return;
              }
              throw new OutOfMemoryError("no end marker");
            });
    producer.setUncaughtExceptionHandler((t, e) -> {});
    handover.producer(producer);
    producer.start();

    List<String> taken = new ArrayList<>();
    for (String s = handover.take("died"); ; s = handover.take("died")) {
      taken.add(s);
      if (s.equals("died")) {
        break;
      }
    }
    assertThat(taken).containsExactly("a", "b", "died");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void whatALiveProducerPutsComesInOrder() throws InterruptedException {
    Handover<Integer> handover = new Handover<>(1);
    Thread producer =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 100; i++) {
                  handover.put(i);
                }
                handover.put(-1);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    handover.producer(producer);
    producer.start();
    List<Integer> taken = new ArrayList<>();
    for (int i = handover.take(-2); i != -1; i = handover.take(-2)) {
      taken.add(i);
    }
    assertThat(taken).hasSize(100).isSorted();
  }
}
