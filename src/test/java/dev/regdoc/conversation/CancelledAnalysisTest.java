package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.analysis.Analyzer;
import dev.regdoc.analysis.KnowledgeTexts;
import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.common.WorkLimit;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.facts.InputKind;
import dev.regdoc.facts.TextReader;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.TextReaders;
import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.store.JdbcCaseStore;
import dev.regdoc.store.StoreSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A front end that gives up on a turn interrupts its thread (the web chat's turn timeout): the
 * analysis stops at its next checkpoint and lets go of its slot, so the analyses after it are not
 * starved.
 */
class CancelledAnalysisTest {
  static final Path KB = Path.of("knowledge-base");

  @TempDir Path data;
  JdbcCaseStore store;
  final CountDownLatch started = new CountDownLatch(2);

  /** Syslog that never ends: reads on until the limit or an interrupt stops it. */
  final TextReader endless =
      (file, in, sink) -> {
        started.countDown();
        while (true) {
          WorkLimit.checkpoint();
          LockSupport.parkNanos(1_000_000);
        }
      };

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  ConversationEngine engine(int parallel) {
    return engine(parallel, endless, System::nanoTime);
  }

  ConversationEngine engine(int parallel, TextReader syslog, LongSupplier clock) {
    store = JdbcCaseStore.open(StoreSettings.defaults(data));
    KnowledgeBase kb = KnowledgeBase.load(KB);
    Map<InputKind, TextReader> readers = new HashMap<>(TextReaders.defaults());
    readers.put(InputKind.SYSLOG, syslog);
    Analyzer analyzer =
        new Analyzer(
                RuleBase.load(Path.of("rules")),
                readers,
                IngestLimits.defaults(),
                SignalingPorts.defaults())
            .withTimeLimit(Duration.ofSeconds(300), clock);
    return new ConversationEngine(
        kb,
        KnowledgeTexts.load(KB),
        analyzer,
        store,
        Phrases.load(KB),
        LessonGuides.load(KB),
        Illustrator.NONE,
        new EngineSettings(512L << 20, parallel, data.resolve("lessons")),
        BotFixture.CLOCK);
  }

  /** A turn on its own thread, so that it can be interrupted as the web chat's timeout does. */
  static final class TurnThread extends Thread {
    final AtomicReference<Reply> reply = new AtomicReference<>();

    TurnThread(ConversationEngine engine, String conversation, Upload upload) {
      this(engine, conversation, upload, ProgressSink.NONE);
    }

    TurnThread(
        ConversationEngine engine, String conversation, Upload upload, ProgressSink progress) {
      super(conversation);
      this.engine = engine;
      this.conversation = conversation;
      this.upload = upload;
      this.progress = progress;
    }

    private final ConversationEngine engine;
    private final String conversation;
    private final Upload upload;
    private final ProgressSink progress;

    @Override
    public void run() {
      reply.set(
          engine.handle(
              Incoming.upload(
                  conversation,
                  "web:" + conversation,
                  "SEP0024142DDF24 every 16 minutes",
                  List.of(upload)),
              progress));
    }

    TurnThread begin() {
      start();
      return this;
    }

    Reply finish() throws InterruptedException {
      join(TimeUnit.SECONDS.toMillis(60));
      assertThat(isAlive()).as(conversation + " still runs").isFalse();
      return reply.get();
    }
  }

  Upload endlessLog(String name) throws Exception {
    Path p = data.resolve(name);
    Files.write(
        p,
        "Jan 10 10:00:00 sw1 %LINK-3-UPDOWN: Interface Gi1/0/1, changed state to down\n"
            .getBytes(StandardCharsets.US_ASCII));
    return new Upload(name, Files.size(p), p);
  }

  @Test
  void aThirdAnalysisGetsASlotAfterTwoCancelledOnes() throws Exception {
    ConversationEngine engine = engine(2);
    TurnThread first = new TurnThread(engine, "web:stuck-1", endlessLog("one.log")).begin();
    TurnThread second = new TurnThread(engine, "web:stuck-2", endlessLog("two.log")).begin();
    assertThat(started.await(60, TimeUnit.SECONDS)).isTrue(); // both slots are taken
    first.interrupt();
    second.interrupt();
    first.finish();
    second.finish();

    TurnThread third =
        new TurnThread(engine, "web:after", BotFixture.caseStudy2("switch-config.txt")).begin();
    Reply r = third.finish();
    assertThat(r.plainText()).contains("switch-config.txt").doesNotContain("Something went wrong");
  }

  @Test
  void aTurnCancelledWhileItWaitsForASlotLeavesTheQueue() throws Exception {
    ConversationEngine engine = engine(1);
    TurnThread holder = new TurnThread(engine, "web:stuck-1", endlessLog("one.log")).begin();
    while (started.getCount() > 1) {
      Thread.onSpinWait();
    }
    CountDownLatch queued = new CountDownLatch(1);
    TurnThread waiting =
        new TurnThread(
                engine,
                "web:waiting",
                BotFixture.caseStudy2("switch-config.txt"),
                (text, percent) -> {
                  if (text.startsWith("Waiting")) {
                    queued.countDown();
                  }
                })
            .begin();
    assertThat(queued.await(60, TimeUnit.SECONDS)).isTrue();
    waiting.interrupt();
    waiting.finish(); // left the queue while the slot is still held
    assertThat(holder.isAlive()).isTrue();
    holder.interrupt();
    holder.finish();
    Reply r =
        new TurnThread(engine, "web:after", BotFixture.caseStudy2("switch-config.txt"))
            .begin()
            .finish();
    assertThat(r.plainText()).contains("switch-config.txt").doesNotContain("Something went wrong");
  }

  @Test
  void anAnalysisPastItsTimeLimitAnswersPartiallyAndNamesTheCostlyFile() throws Exception {
    AtomicLong clock = new AtomicLong();
    TextReader costly =
        (file, in, sink) -> {
          while (true) { // a second of the test's clock per checkpoint, until the limit stops it
            clock.addAndGet(1_000_000_000L);
            WorkLimit.checkpoint();
          }
        };
    ConversationEngine engine = engine(2, costly, clock::get);
    Reply r =
        engine.handle(
            Incoming.upload(
                "web:slow",
                "web:slow",
                "SEP0024142DDF24 every 16 minutes",
                List.of(endlessLog("huge.log"))),
            ProgressSink.NONE);
    assertThat(r.plainText())
        .contains(
            "This answer is partial: the analysis reached its time limit of 300 s while reading"
                + " huge.log")
        .contains("huge.log: reading was stopped after 300 s");
  }
}
