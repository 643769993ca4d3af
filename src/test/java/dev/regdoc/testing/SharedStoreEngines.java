package dev.regdoc.testing;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.conversation.ConversationEngine;
import dev.regdoc.conversation.Illustrator;
import dev.regdoc.store.JdbcCaseStore;
import dev.regdoc.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The conversation engines of several regdoc instances on one PostgreSQL schema, each with a data
 * folder of its own, one analysis at a time and analyses shared as jobs under {@code lease}: what
 * the tests of several instances run their front ends on. Closing it stops sharing and closes the
 * stores; the schema stays the test's.
 */
public final class SharedStoreEngines implements AutoCloseable {
  /** The test database bot/test starts, or null when none was started. */
  public static final String URL = System.getenv("REGDOC_TEST_PG_URL");

  public static final String USER = System.getenv().getOrDefault("REGDOC_TEST_PG_USER", "regdoc");
  public static final String PASSWORD = System.getenv().getOrDefault("REGDOC_TEST_PG_PASSWORD", "");
  private final String url;
  private final String user;
  private final String password;
  private final Path dir;
  private final Duration lease;
  private final List<JdbcCaseStore> stores = new ArrayList<>();
  private final List<ConversationEngine> engines = new ArrayList<>();

  /** Engines on {@code schema} of the database at {@code url}, their folders under {@code dir}. */
  public SharedStoreEngines(
      String url, String user, String password, String schema, Path dir, Duration lease) {
    this.url = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    this.user = user;
    this.password = password;
    this.dir = dir;
    this.lease = lease;
  }

  /** A new instance's engine, named {@code name} in the jobs it takes. */
  public ConversationEngine engine(String name) {
    JdbcCaseStore store =
        JdbcCaseStore.open(
            StoreSettings.defaults(dir.resolve(name)).withDatabase(url, user, password));
    stores.add(store);
    ConversationEngine engine =
        BotRuntime.engine(
            BotConfig.of(
                Map.of("data.dir", dir.resolve(name).toString(), "analyses.parallel", "1")),
            Path.of("knowledge-base"),
            Path.of("rules"),
            store,
            Illustrator.NONE,
            Clock.systemUTC());
    engine.shareAnalyses(name, lease);
    engines.add(engine);
    return engine;
  }

  @Override
  public void close() {
    engines.forEach(ConversationEngine::stopSharing);
    stores.forEach(JdbcCaseStore::close);
  }
}
