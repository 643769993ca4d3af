package dev.regdoc.store;

import java.nio.file.Path;

/** The purge on the default database: an H2 file database in a temp directory. */
class H2StorePurgeTest extends StorePurgeContract {
  @Override
  StoreSettings freshSettings(Path dataDir) {
    return StoreSettings.defaults(dataDir);
  }
}
