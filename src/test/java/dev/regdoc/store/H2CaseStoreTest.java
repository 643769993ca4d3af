package dev.regdoc.store;

import java.nio.file.Path;

/** The contract on the default database: an H2 file database in a temp directory. */
class H2CaseStoreTest extends CaseStoreContract {
  @Override
  StoreSettings freshSettings(Path dataDir) {
    return StoreSettings.defaults(dataDir);
  }
}
