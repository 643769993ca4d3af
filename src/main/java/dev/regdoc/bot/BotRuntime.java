package dev.regdoc.bot;

import dev.regdoc.analysis.Analyzer;
import dev.regdoc.analysis.KnowledgeTexts;
import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.common.TempFiles;
import dev.regdoc.conversation.ConversationEngine;
import dev.regdoc.conversation.EngineSettings;
import dev.regdoc.conversation.Illustrator;
import dev.regdoc.conversation.LessonGuides;
import dev.regdoc.conversation.Phrases;
import dev.regdoc.conversation.store.CaseStore;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.ingest.TextReaders;
import dev.regdoc.knowledge.AnswerWords;
import dev.regdoc.knowledge.EvidenceNotes;
import dev.regdoc.knowledge.FileStatusWords;
import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.knowledge.SummaryTexts;
import dev.regdoc.store.JdbcCaseStore;
import dev.regdoc.store.PurgeReport;
import dev.regdoc.store.RetentionSettings;
import dev.regdoc.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the running bot from its config: knowledge base, rule base, case store and the
 * conversation engine.
 */
public final class BotRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);
  private final JdbcCaseStore store;
  private final ConversationEngine engine;

  private final RetentionSettings retention;
  private final ScheduledExecutorService janitor;
  private final String instanceId = InstanceIds.fresh();

  private BotRuntime(
      JdbcCaseStore store,
      ConversationEngine engine,
      Clock clock,
      Duration analysisLease,
      RetentionSettings retention) {
    this.store = store;
    this.engine = engine;
    this.retention = retention;
    // on a store other instances share, this one takes queued analyses too
    engine.shareAnalyses(instanceId, analysisLease);
    // what is past its retention is deleted at start and then every hour (the store's purge runs
    // on one instance at a time: the others skip it while it runs)
    this.janitor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "regdoc-retention");
              t.setDaemon(true);
              return t;
            });
    janitor.scheduleWithFixedDelay(() -> purge(clock), 0, 1, TimeUnit.HOURS);
  }

  private void purge(Clock clock) {
    try {
      int n = store.purgeExpired(clock.instant());
      if (n > 0) {
        LOG.info("uploaded files past their retention deleted: {}", n);
      }
    } catch (RuntimeException e) {
      LOG.warn("retention purge failed: {}", e.getMessage());
    }
    try {
      PurgeReport r = store.purgeFinished(retention, clock.instant());
      r.deleted().forEach((table, rows) -> PurgeMetrics.purged(table, rows));
      LOG.info(r.summary());
    } catch (RuntimeException e) {
      LOG.warn("store purge failed: {}", e.getMessage());
    }
  }

  /**
   * @param kbDir the knowledge-base folder
   * @param rulesDir the rule folder
   */
  public static BotRuntime start(
      BotConfig config, Path kbDir, Path rulesDir, Illustrator illustrator, Clock clock) {
    return start(config, kbDir, rulesDir, texts -> illustrator, clock);
  }

  /**
   * As above, with an illustrator made from the knowledge texts the engine loads (loaded once, not
   * again for it).
   */
  public static BotRuntime start(
      BotConfig config,
      Path kbDir,
      Path rulesDir,
      Function<KnowledgeTexts, Illustrator> illustrator,
      Clock clock) {
    Monitoring.install();
    StoreSettings storeSettings = config.store();
    // temp files in the data directory, where a restart after a kill sweeps what the killed process
    // left
    TempFiles.useDataDir(storeSettings.dataDir());
    JdbcCaseStore store = JdbcCaseStore.open(storeSettings);
    try {
      return new BotRuntime(
          store,
          engine(config, kbDir, rulesDir, store, illustrator, clock),
          clock,
          config.analysisLease(),
          config.retention());
    } catch (RuntimeException e) {
      store.close(); // a knowledge base or rule base that does not load leaves no open pool behind
      throw e;
    }
  }

  /**
   * The conversation engine as the bot wires it, over {@code store}; tests use it to run the real
   * engine on their own store.
   */
  public static ConversationEngine engine(
      BotConfig config,
      Path kbDir,
      Path rulesDir,
      CaseStore store,
      Illustrator illustrator,
      Clock clock) {
    return engine(config, kbDir, rulesDir, store, texts -> illustrator, clock);
  }

  private static ConversationEngine engine(
      BotConfig config,
      Path kbDir,
      Path rulesDir,
      CaseStore store,
      Function<KnowledgeTexts, Illustrator> illustrator,
      Clock clock) {
    KnowledgeBase kb = KnowledgeBase.load(kbDir);
    // the texts share the loaded knowledge base rather than loading and validating it a second time
    KnowledgeTexts texts =
        new KnowledgeTexts(
            kb,
            EvidenceNotes.load(kbDir),
            SummaryTexts.load(kbDir),
            AnswerWords.load(kbDir),
            FileStatusWords.load(kbDir));
    EngineSettings settings = config.engine(ConversationEngine.defaultLessonCaptures(kbDir));
    Analyzer analyzer =
        new Analyzer(
                // the compiled rules are kept in the data directory for the next start
                RuleBase.load(rulesDir, config.store().dataDir().resolve(RuleBase.CACHE_FOLDER)),
                TextReaders.defaults(),
                config.ingestLimits(),
                SignalingPorts.defaults())
            .withTimeLimit(config.analysisTimeLimit());
    return new ConversationEngine(
        kb,
        texts,
        analyzer,
        store,
        Phrases.load(kbDir),
        LessonGuides.load(kbDir),
        illustrator.apply(texts),
        settings,
        clock);
  }

  public ConversationEngine engine() {
    return engine;
  }

  public JdbcCaseStore store() {
    return store;
  }

  /** This instance among those sharing a store: host, process id and a random part. */
  public String instanceId() {
    return instanceId;
  }

  /**
   * Gives the analysis jobs this instance holds back to the shared queue and takes no more; returns
   * how many went back (0 on a store no other instance shares). Closing does it too.
   */
  public int stopAnalyses() {
    return engine.stopSharing();
  }

  @Override
  public void close() {
    engine.stopSharing();
    janitor.shutdownNow();
    try {
      // a purge still running would reopen the store (and its files) after it was closed
      janitor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }
}
