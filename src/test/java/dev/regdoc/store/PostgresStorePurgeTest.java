package dev.regdoc.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.testing.TestSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The purge on PostgreSQL, each test in a new schema. Runs when REGDOC_TEST_PG_URL (with
 * REGDOC_TEST_PG_USER, REGDOC_TEST_PG_PASSWORD) names a database; bot/test starts one.
 */
class PostgresStorePurgeTest extends StorePurgeContract {
  private final TestSchemas schemas = new TestSchemas("purge");

  @Override
  StoreSettings freshSettings(Path dataDir) throws Exception {
    return schemas.fresh(dataDir, "purge tests");
  }

  /**
   * Bytes the store keeps for a queued job carry when they were kept, so that the purge takes them
   * only once their retention is over and no job names them; keeping them again starts it anew.
   */
  @Test
  void bytesKeptForAQueuedJobGoAfterTheirRetentionOnly() throws Exception {
    Path file = Files.writeString(dataDir.resolve("q.pcap"), "queued capture");
    String sha = store.keepContent(file);
    Instant kept = Instant.now();

    assertThat(store.purgeFinished(TWO_A_BATCH, kept.plus(Duration.ofDays(29))).total()).isZero();
    assertThat(store.content(sha)).isPresent();

    assertThat(
            store
                .purgeFinished(TWO_A_BATCH, kept.plus(Duration.ofDays(31)))
                .deleted(StorePurge.CONTENTS))
        .isEqualTo(1);
    assertThat(store.content(sha)).isEmpty();
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (schemas.schema() != null) {
      closeStore();
    }
    schemas.drop();
  }
}
