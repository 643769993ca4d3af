package dev.regdoc.bot;

import dev.regdoc.analysis.Analyzer;
import dev.regdoc.analysis.KnowledgeTexts;
import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.conversation.ConversationEngine;
import dev.regdoc.conversation.EngineSettings;
import dev.regdoc.conversation.Illustrator;
import dev.regdoc.conversation.Phrases;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.TextReaders;
import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.store.JdbcCaseStore;
import dev.regdoc.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;

/** Builds the running bot from its config: knowledge base, rule base, case store and the conversation engine. */
public final class BotRuntime implements AutoCloseable {
  private final JdbcCaseStore store;
  private final ConversationEngine engine;

  private BotRuntime(JdbcCaseStore store, ConversationEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  /**
   * @param kbDir the knowledge-base folder
   * @param rulesDir the rule folder
   */
  public static BotRuntime start(BotConfig config, Path kbDir, Path rulesDir, Illustrator illustrator, Clock clock) {
    KnowledgeBase kb = KnowledgeBase.load(kbDir);
    KnowledgeTexts texts = KnowledgeTexts.load(kbDir);
    EngineSettings settings = EngineSettings.fromMap(config.values(), ConversationEngine.defaultLessonCaptures(kbDir));
    Analyzer analyzer = new Analyzer(RuleBase.load(rulesDir), TextReaders.defaults(),
        IngestLimits.defaults().withMaxFileBytes(settings.maxUploadBytes()), SignalingPorts.defaults());
    JdbcCaseStore store = JdbcCaseStore.open(StoreSettings.fromMap(config.values()));
    ConversationEngine engine = new ConversationEngine(kb, texts, analyzer, store, Phrases.load(kbDir), illustrator, settings, clock);
    return new BotRuntime(store, engine);
  }

  public ConversationEngine engine() {
    return engine;
  }

  public JdbcCaseStore store() {
    return store;
  }

  @Override
  public void close() {
    store.close();
  }
}
