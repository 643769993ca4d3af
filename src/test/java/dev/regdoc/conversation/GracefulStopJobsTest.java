package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.conversation.store.AnalysisJobs;
import dev.regdoc.store.JdbcCaseStore;
import dev.regdoc.testing.TestSchemas;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one PostgreSQL: the first is stopped normally (as SIGTERM or the engine's close
 * does) while it holds a job. The interrupted turn is not answered and not counted as failed: the
 * job goes back to the queue at once, and the second instance takes it well before the lease would
 * have run out and answers it once. Runs when REGDOC_TEST_PG_URL names a database (bot/test starts
 * one).
 */
class GracefulStopJobsTest {

  /** Long enough that a takeover within the wait below cannot come from the lease running out. */
  private static final Duration LEASE = Duration.ofMinutes(5);

  @TempDir Path dir;
  private final TestSchemas schemas = new TestSchemas("stop");
  private JdbcCaseStore store;
  private AnalysisJobs jobs;
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final List<String> answered = new CopyOnWriteArrayList<>();
  private final List<Boolean> takenOver = new CopyOnWriteArrayList<>();
  private final CountDownLatch never = new CountDownLatch(1);

  @BeforeEach
  void openStore() throws Exception {
    store = JdbcCaseStore.open(schemas.fresh(dir, "graceful-stop tests"));
    jobs = store.jobs().orElseThrow();
  }

  @AfterEach
  void dropSchema() throws Exception {
    never.countDown();
    if (store != null) {
      store.close();
    }
    schemas.drop();
  }

  @Test
  void aJobInterruptedByANormalStopIsAnsweredOnceByAnotherInstance() throws Exception {
    ConversationEngine first = instance("first");
    first.enqueue(turn("c1"), "test", "{}");
    await(() -> ran.size() == 1, Duration.ofSeconds(30));
    ConversationEngine second = instance("second");
    try {
      // GIVEN the first instance running the job, the second one idle
      assertThat(ran).containsExactly("first");

      // WHEN the first instance is stopped normally
      first.stopSharing();

      // THEN the second takes the job at once (not after the five-minute lease) and answers it once
      await(() -> answered.contains("second"), Duration.ofSeconds(30));
      await(() -> jobs.countByState().getOrDefault("done", 0L) == 1L, Duration.ofSeconds(30));
      assertThat(answered).containsExactly("second");
      assertThat(ran).containsExactly("first", "second");
      assertThat(jobs.countByState()).containsOnlyKeys("done");
      // a release, not a crash: the second instance does not count it as a takeover
      assertThat(takenOver).containsExactly(false, false);
    } finally {
      second.stopSharing();
    }
  }

  /**
   * One instance as the bot wires it. The first turn of each instance waits until interrupted and,
   * like a front end, still answers what it has unless the lease says the job is no longer its.
   */
  private ConversationEngine instance(String name) {
    ConversationEngine engine =
        BotRuntime.engine(
            BotConfig.of(Map.of("data.dir", dir.toString(), "analyses.parallel", "1")),
            Path.of("knowledge-base"),
            Path.of("rules"),
            store,
            Illustrator.NONE,
            Clock.systemUTC());
    engine.shareAnalyses(name, LEASE);
    engine.serveQueued(
        "test",
        (in, replyTo, lease) -> {
          ran.add(name);
          takenOver.add(lease.takenOver());
          try {
            if (name.equals("first")) {
              never.await();
            }
          } finally {
            if (lease.stillMine()) {
              answered.add(name);
            }
          }
        });
    return engine;
  }

  private static Incoming turn(String conversation) {
    return new Incoming(conversation, "u1", "u1", "", List.of(), null, "en");
  }

  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(Condition c, Duration limit) throws Exception {
    Instant end = Instant.now().plus(limit);
    while (!c.holds()) {
      assertThat(Instant.now()).as("waited %s", limit).isBefore(end);
      Thread.sleep(50);
    }
  }
}
