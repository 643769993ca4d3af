package dev.regdoc.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the case store keeps its data.
 *
 * @param jdbcUrl the database; an H2 file database under {@code dataDir} unless set
 * @param user database user
 * @param password database password; only ever taken from the environment (REGDOC_DB_PASSWORD)
 * @param dataDir where the H2 database (by default) and the uploaded file copies live
 * @param fileRetention how long an uploaded file's copy is kept after its upload
 */
public record StoreSettings(
    String jdbcUrl, String user, String password, Path dataDir, Duration fileRetention) {

  public static final String PASSWORD_ENV = "REGDOC_DB_PASSWORD";
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  /**
   * WRITE_DELAY=0: H2 writes each commit out before returning, so a killed process loses nothing
   * committed. AUTO_SERVER=TRUE: several regdoc processes share the database (the bot running, a
   * terminal chat beside it): the first to open it serves it to the others over a loopback TCP port
   * that it writes in the lock file, and when it ends another takes over. Only a process that can
   * read the data directory learns that port's key (see JdbcCaseStore for the loopback bind).
   */
  private static final String H2_OPTIONS = ";WRITE_DELAY=0;AUTO_SERVER=TRUE";

  public StoreSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(fileRetention, "fileRetention");
    user = user == null ? "" : user;
    password = password == null ? "" : password;
    if (fileRetention.isNegative()) {
      throw new IllegalArgumentException("file retention must not be negative: " + fileRetention);
    }
  }

  /** The defaults: H2 under {@code dataDir}, 30 days' retention, no password. */
  public static StoreSettings defaults(Path dataDir) {
    return new StoreSettings(defaultH2Url(dataDir), "sa", "", dataDir, DEFAULT_RETENTION);
  }

  public static String defaultH2Url(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("regdoc") + H2_OPTIONS;
  }

  public StoreSettings withRetention(Duration retention) {
    return new StoreSettings(jdbcUrl, user, password, dataDir, retention);
  }

  public StoreSettings withDatabase(String url, String dbUser, String dbPassword) {
    return new StoreSettings(url, dbUser, dbPassword, dataDir, fileRetention);
  }

  /** The URL as it may be shown to an operator: any password in it is masked. */
  public String displayUrl() {
    return JdbcUrlMask.mask(jdbcUrl);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "StoreSettings[jdbcUrl="
        + displayUrl()
        + ", user="
        + user
        + ", dataDir="
        + dataDir
        + ", fileRetention="
        + fileRetention
        + "]";
  }
}
