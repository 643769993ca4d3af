package dev.regdoc.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class AheadTest {

  @Test
  void theWorkRunsOnADaemonThreadOfItsOwnWhileTheCallerGoesOn() throws InterruptedException {
    CountDownLatch callerWentOn = new CountDownLatch(1);
    Ahead<Thread> ahead =
        Ahead.start(
            "test",
            () -> {
              try {
                // the caller has not asked for the result yet: the work cannot be running on it
                callerWentOn.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Thread.currentThread();
            });
    callerWentOn.countDown();

    Thread worker = ahead.get();
    assertThat(worker).isNotSameAs(Thread.currentThread());
    assertThat(worker.isDaemon()).isTrue();
    assertThat(worker.getName()).isEqualTo("regdoc-test");
  }

  @Test
  void getThrowsTheWorksOwnExceptionNotAWrapper() {
    IllegalStateException thrown = new IllegalStateException("the rules in x do not compile");
    Ahead<String> ahead =
        Ahead.start(
            "failing",
            () -> {
              throw thrown;
            });

    assertThatThrownBy(ahead::get).isSameAs(thrown);
    // asked again, the same answer
    assertThatThrownBy(ahead::get).isSameAs(thrown);
  }

  @Test
  void anErrorComesThroughAsItself() {
    OutOfMemoryError thrown = new OutOfMemoryError("Java heap space");
    Ahead<String> ahead =
        Ahead.start(
            "error",
            () -> {
              throw thrown;
            });

    assertThatThrownBy(ahead::get).isSameAs(thrown);
  }

  @Test
  void doneIsTheValueAtOnce() {
    assertThat(Ahead.done("x").get()).isEqualTo("x");
  }
}
