package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Turns of one conversation never overlap, and no lock outlives the turns that used it. */
class ConversationLocksTest {
  private final ConversationLocks locks = new ConversationLocks();
  private final int[] counters = new int[4];

  @Test
  void turnsOfOneConversationRunOneAtATimeAndLeaveNoLockBehind() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int conversation = t % counters.length;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 5_000; i++) {
                    locks.acquire("c" + conversation);
                    try {
                      counters[
                          conversation]++; // a lost update here would mean two turns overlapped
                    } finally {
                      locks.release("c" + conversation);
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(counters).containsOnly(10_000);
    assertThat(locks.active()).isZero();
  }
}
