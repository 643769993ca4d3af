package dev.regdoc.store;

import java.nio.file.Path;

/** The upgrade from before Flyway on the default database, an H2 file under the data folder. */
class PreFlywayH2UpgradeTest extends PreFlywayUpgradeContract {
  @Override
  StoreSettings freshSettings(Path dataDir) {
    return StoreSettings.defaults(dataDir);
  }
}
