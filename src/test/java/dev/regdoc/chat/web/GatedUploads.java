package dev.regdoc.chat.web;

import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.ProgressSink;
import dev.regdoc.conversation.Reply;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An engine whose analyses of uploads wait at a gate the test opens, so that a test acts while an
 * analysis is surely under way; everything else, and the analysis itself, is the engine's own.
 * Several instances' engines may share one gate.
 */
final class GatedUploads extends ForwardingEngine {
  /** The gate: analyses counted as they arrive, held until {@link #open}. */
  static final class Gate {
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    boolean awaitAnalysis(long seconds) throws InterruptedException {
      return arrived.await(seconds, TimeUnit.SECONDS);
    }

    void open() {
      open.countDown();
    }
  }

  private final Gate gate;

  GatedUploads(ChatEngine engine, Gate gate) {
    super(engine);
    this.gate = gate;
  }

  @Override
  public Reply handle(Incoming in, ProgressSink progress) {
    if (!in.uploads().isEmpty()) {
      gate.arrived.countDown();
      try {
        gate.open.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return engine.handle(in, progress);
  }
}
