package dev.regdoc.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regdoc.conversation.store.AnalysisJobs;
import dev.regdoc.conversation.store.CaseStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes queued turns from the shared store, as many at once as this instance runs analyses
 * (analyses.parallel), renews each job's lease at a third of its length while the turn runs, and
 * finishes it. A job whose instance died is claimed again here once its lease runs out. The leases
 * are timed by the database's clock, not this instance's (see {@link AnalysisJobs#claim}).
 *
 * <p>Stopping normally gives the jobs held back to the queue before their turns are interrupted:
 * the interrupted turn then finds its lease gone and does not answer, and another instance takes
 * the job at once instead of after the lease, and answers it.
 */
final class JobWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long IDLE_POLL_MS = 300;

  /** How long a normal stop waits for interrupted turns to end before the store may close. */
  private static final long STOP_WAIT_MS = 5_000;

  /**
   * Set only by tests (SeveralInstancesTest): the process stops dead once a turn is answered and
   * before its job is marked done, the window a reclaimed job must not answer twice in.
   */
  private static final boolean HALT_BEFORE_DONE =
      Boolean.getBoolean("regdoctest.halt-before-job-done");

  /**
   * Set only by tests (SeveralInstancesTest): a queued turn waits until the instance stops before
   * it runs, so that a test can stop an instance while it surely holds a job.
   */
  private static final boolean HOLD_TURNS = Boolean.getBoolean("regdoctest.hold-queued-turns");

  /** A queued turn as stored: the turn's words and its files by content hash. */
  record Payload(
      String conversation,
      String user,
      String userName,
      String text,
      String langHint,
      List<FileRef> files,
      String replyTo,
      boolean remote) {}

  /** One uploaded file of a queued turn. */
  record FileRef(String name, String sha256, long size) {}

  private final AnalysisJobs jobs;
  private final CaseStore store;
  private final String owner;
  private final Duration lease;
  private final Map<String, QueuedTurns> frontEnds = new ConcurrentHashMap<>();
  private final ExecutorService workers;
  private final ScheduledExecutorService renewals;
  private final Object wake = new Object();
  private final AtomicInteger running = new AtomicInteger();
  private final Set<Long> held = ConcurrentHashMap.newKeySet();
  private volatile boolean stopped;

  /** Stopped as a crash would: the jobs held are left as they are, for their leases to run out. */
  private volatile boolean abandoned;

  private final Counter queued;
  private final Counter finished;
  private final Counter failed;
  private final Counter reclaims;
  private final Timer duration;

  /**
   * @param metrics the prefix of this worker's metrics ("regdoc.analyses"): the analyses and the
   *     queued chat turns without files are counted apart
   */
  JobWorker(
      AnalysisJobs jobs,
      CaseStore store,
      String owner,
      Duration lease,
      int parallel,
      String metrics) {
    this.jobs = jobs;
    this.store = store;
    this.owner = owner;
    this.lease = lease;
    this.queued = Metrics.counter(metrics + ".queued");
    this.finished = Metrics.counter(metrics + ".finished");
    this.failed = Metrics.counter(metrics + ".failed");
    this.reclaims = Metrics.counter(metrics + ".lease.reclaims");
    this.duration =
        Timer.builder(metrics + ".duration")
            .publishPercentileHistogram()
            .register(Metrics.globalRegistry);
    this.workers = Executors.newFixedThreadPool(parallel, daemon("regdoc-job"));
    this.renewals = Executors.newSingleThreadScheduledExecutor(daemon("regdoc-job-lease"));
    Metrics.gauge(metrics + ".running", running);
    for (int i = 0; i < parallel; i++) {
      workers.submit(this::loop);
    }
  }

  void serve(String frontEnd, QueuedTurns handler) {
    frontEnds.put(frontEnd, handler);
    signal();
  }

  /** Whether this worker runs the queued turns of {@code frontEnd}. */
  boolean serves(String frontEnd) {
    return frontEnds.containsKey(frontEnd);
  }

  /** Queues the turn, its uploads kept in the shared store first. */
  long enqueue(Incoming in, String frontEnd, String replyTo) {
    return enqueue(in, frontEnd, replyTo, null).orElseThrow();
  }

  /** As above, once per {@code eventKey} (null: no event); empty when it is queued already. */
  OptionalLong enqueue(Incoming in, String frontEnd, String replyTo, String eventKey) {
    List<FileRef> files = new ArrayList<>();
    for (Upload u : in.uploads()) {
      files.add(new FileRef(u.name(), store.keepContent(u.content()), u.size()));
    }
    Payload p =
        new Payload(
            in.conversation(),
            in.user(),
            in.userName(),
            in.text(),
            in.langHint(),
            files,
            replyTo,
            in.remote());
    OptionalLong id;
    try {
      String json = JSON.writeValueAsString(p);
      id =
          eventKey == null
              ? OptionalLong.of(jobs.enqueue(in.conversation(), frontEnd, json))
              : jobs.enqueueOnce(in.conversation(), frontEnd, json, eventKey);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (id.isPresent()) {
      queued.increment();
      signal();
    }
    return id;
  }

  private void signal() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private void loop() {
    while (!stopped) {
      try {
        Optional<AnalysisJobs.Job> job = jobs.claim(Set.copyOf(frontEnds.keySet()), owner, lease);
        if (job.isPresent()) {
          run(job.get());
        } else {
          synchronized (wake) {
            wake.wait(IDLE_POLL_MS);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("analysis queue: {}", e.getMessage());
        sleepQuietly();
      }
    }
  }

  private void run(AnalysisJobs.Job job) {
    held.add(job.id());
    if (stopped) { // claimed while stopping, after close gave the held jobs back
      held.remove(job.id());
      jobs.release(job.id(), owner);
      return;
    }
    if (job.attempts() > 0) {
      reclaims.increment();
      LOG.info(
          "taking over job {} of {} (its instance stopped renewing)", job.id(), job.conversation());
    }
    ScheduledFuture<?> renewing =
        renewals.scheduleAtFixedRate(
            () -> renew(job), lease.toMillis() / 3, lease.toMillis() / 3, TimeUnit.MILLISECONDS);
    running.incrementAndGet();
    long start = System.nanoTime();
    boolean ok = false;
    try {
      if (HOLD_TURNS) {
        new CountDownLatch(1).await(); // until the stop interrupts it
      }
      Payload p = JSON.readValue(job.payloadJson(), Payload.class);
      QueuedTurns handler = frontEnds.get(job.frontEnd());
      handler.run(incoming(p), p.replyTo(), lease(job));
      ok = true;
      if (HALT_BEFORE_DONE) {
        Runtime.getRuntime().halt(137); // a test's crash between the answer and the job's end
      }
    } catch (Exception e) {
      if (!stopped) {
        LOG.warn("queued turn {} of {} failed: {}", job.id(), job.conversation(), e.toString());
      }
    } finally {
      renewing.cancel(false);
      running.decrementAndGet();
      held.remove(job.id());
      duration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      if (!abandoned) { // a crashed instance writes nothing more
        end(job, ok);
      }
    }
  }

  private void end(AnalysisJobs.Job job, boolean ok) {
    if (ok) {
      jobs.finish(job.id(), owner, true);
      finished.increment();
    } else if (stopped) {
      jobs.release(job.id(), owner); // interrupted by the stop, not failed: another answers it
    } else {
      jobs.finish(job.id(), owner, false);
      failed.increment();
    }
  }

  private void renew(AnalysisJobs.Job job) {
    try {
      jobs.renew(job.id(), owner, lease);
    } catch (RuntimeException e) {
      LOG.warn("cannot renew the lease of job {}: {}", job.id(), e.getMessage());
    }
  }

  private QueuedTurns.Lease lease(AnalysisJobs.Job job) {
    return new QueuedTurns.Lease() {
      @Override
      public long job() {
        return job.id();
      }

      @Override
      public boolean stillMine() {
        return jobs.renew(job.id(), owner, lease);
      }

      @Override
      public boolean takenOver() {
        return job.attempts() > 0;
      }

      @Override
      public boolean answer(String json) {
        return jobs.answer(job.id(), owner, json);
      }

      @Override
      public Optional<String> posted(String item) {
        return jobs.posted(job.id(), item);
      }

      @Override
      public void recordPost(String item, String posted) {
        jobs.recordPost(job.id(), item, posted);
      }
    };
  }

  /** The turn with its files fetched from the store; a file no longer kept is left out. */
  private Incoming incoming(Payload p) {
    List<Upload> uploads = new ArrayList<>();
    for (FileRef f : p.files()) {
      Optional<Path> content = store.content(f.sha256());
      content.ifPresent(c -> uploads.add(new Upload(f.name(), f.size(), c)));
      if (content.isEmpty()) {
        LOG.warn("queued file {} of {} is no longer kept", f.name(), p.conversation());
      }
    }
    return new Incoming(
        p.conversation(),
        p.user(),
        p.userName(),
        p.text(),
        uploads,
        null,
        p.langHint(),
        p.remote());
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(IDLE_POLL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * A normal stop: the jobs held go back to the queue first (so an interrupted turn sees its lease
   * gone and stays silent), then the turns are interrupted and awaited a few seconds, so their ends
   * reach the store before it closes. A turn that ignores the interrupt is left running unanswered.
   */
  @Override
  public void close() {
    release();
  }

  /** {@link #close()}, returning how many jobs went back to the queue. */
  int release() {
    stopped = true;
    signal();
    int given = 0;
    for (Long id : held) {
      try {
        if (jobs.release(id, owner)) {
          given++;
          LOG.info("stopping: job {} goes back to the queue for another instance", id);
        }
      } catch (RuntimeException e) {
        LOG.warn("stopping: cannot give job {} back (its lease runs out): {}", id, e.getMessage());
      }
    }
    workers.shutdownNow();
    renewals.shutdownNow();
    try {
      workers.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return given;
  }

  /** Stops as a killed process would: the jobs held are not given back; their leases run out. */
  void abandon() {
    abandoned = true;
    stopped = true;
    signal();
    workers.shutdownNow();
    renewals.shutdownNow();
  }
}
