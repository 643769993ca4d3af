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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances (engines as the bot wires them) on one PostgreSQL whose clocks disagree by five
 * minutes: a lease is judged by the database's clock, so the fast instance does not take a job the
 * slow one is renewing, and the slow one takes over a job of the fast one (which died) once the
 * lease runs out, not five minutes later. Runs when REGDOC_TEST_PG_URL names a database (bot/test
 * starts one).
 */
class SkewedClocksJobsTest {
  private static final Duration LEASE = Duration.ofSeconds(3);
  private static final Duration SKEW = Duration.ofMinutes(5);

  @TempDir Path dir;
  private final TestSchemas schemas = new TestSchemas("skew");
  private JdbcCaseStore store;
  private AnalysisJobs jobs;
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<String> ran = new CopyOnWriteArrayList<>();

  @BeforeEach
  void openStore() throws Exception {
    store = JdbcCaseStore.open(schemas.fresh(dir, "skewed-clocks tests"));
    jobs = store.jobs().orElseThrow();
  }

  @AfterEach
  void dropSchema() throws Exception {
    release.countDown();
    if (store != null) {
      store.close();
    }
    schemas.drop();
  }

  @Test
  void aFastClockDoesNotTakeAJobWhoseLeaseTheSlowOneRenews() throws Exception {
    ConversationEngine slow = instance("slow", Clock.systemUTC());
    ConversationEngine fast = null;
    try {
      // GIVEN the slow instance running a job, renewing its lease
      slow.enqueue(turn("c1"), "test", "{}");
      await(() -> ran.size() == 1, Duration.ofSeconds(30));
      fast = instance("fast", skewed(SKEW));

      // WHEN the fast instance, five minutes ahead, looks for work for longer than the lease
      Thread.sleep(LEASE.multipliedBy(2).toMillis());

      // THEN it has not taken the job: only the slow instance ran it, and it is still the owner
      assertThat(ran).containsExactly("slow");
      assertThat(jobs.countByState()).containsEntry("running", 1L);
      release.countDown();
      await(() -> jobs.countByState().getOrDefault("done", 0L) == 1L, Duration.ofSeconds(30));
      assertThat(ran).containsExactly("slow");
    } finally {
      slow.stopSharing();
      if (fast != null) {
        fast.stopSharing();
      }
    }
  }

  @Test
  void aSlowClockTakesOverTheJobOfAStoppedFastOneWhenTheLeaseRunsOut() throws Exception {
    ConversationEngine fast = instance("fast", skewed(SKEW));
    fast.enqueue(turn("c2"), "test", "{}");
    await(() -> ran.size() == 1, Duration.ofSeconds(30));
    // GIVEN the fast instance stops renewing while it holds the job, as if it died
    fast.abandonSharing();

    // WHEN the slow instance, five minutes behind, looks for work
    long stopped = System.nanoTime();
    ConversationEngine slow = instance("slow", skewed(SKEW.negated()));
    try {
      // THEN it takes the job over within the lease and a few polls, not five minutes later
      await(() -> ran.size() == 2, Duration.ofSeconds(60));
      assertThat(ran).containsExactly("fast", "slow");
      assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(60));
      release.countDown();
      await(() -> jobs.countByState().getOrDefault("done", 0L) == 1L, Duration.ofSeconds(30));
    } finally {
      slow.stopSharing();
    }
  }

  /** One instance as the bot wires it, on the shared store, with its own clock. */
  private ConversationEngine instance(String name, Clock clock) {
    ConversationEngine engine =
        BotRuntime.engine(
            BotConfig.of(Map.of("data.dir", dir.toString(), "analyses.parallel", "1")),
            Path.of("knowledge-base"),
            Path.of("rules"),
            store,
            Illustrator.NONE,
            clock);
    engine.shareAnalyses(name, LEASE);
    engine.serveQueued(
        "test",
        (in, replyTo, lease) -> {
          ran.add(name);
          // a stuck turn: not even an interrupt ends it before the test lets it go
          boolean released = false;
          while (!released) {
            try {
              released = release.await(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
              // stuck: the instance stopping does not end it
            }
          }
        });
    return engine;
  }

  private static Clock skewed(Duration by) {
    return Clock.offset(Clock.systemUTC(), by).withZone(ZoneOffset.UTC);
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
