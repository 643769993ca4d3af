package dev.regdoc.store;

import dev.regdoc.testing.TestSchemas;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/**
 * The upgrade from before Flyway on PostgreSQL, each test in a new schema; runs when
 * REGDOC_TEST_PG_URL is set (see PostgresCaseStoreTest).
 */
class PreFlywayPostgresUpgradeTest extends PreFlywayUpgradeContract {

  private final TestSchemas schemas = new TestSchemas("upgrade");

  @Override
  StoreSettings freshSettings(Path dataDir) throws Exception {
    return schemas.fresh(dataDir, "upgrade tests");
  }

  @AfterEach
  void dropSchema() throws Exception {
    schemas.drop();
  }
}
