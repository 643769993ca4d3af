package dev.regdoc.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.conversation.Illustrator;
import dev.regdoc.store.JdbcCaseStore;
import dev.regdoc.store.StoreSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running bot purges what is past its retention by itself (at start, then every hour), with its
 * own clock, and counts the rows on /metrics.
 */
class StorePurgeScheduleTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
  private static final Pattern PURGED_JOBS =
      Pattern.compile("(?m)^regdoc_store_purged_rows_total\\{table=\"analysis_jobs\"} (\\S+)$");

  @TempDir Path data;

  @Test
  void aStartedBotPurgesTheOldFinishedJobsAndCountsThemOnMetrics() throws Exception {
    StoreSettings settings = StoreSettings.defaults(data);
    long old = epochNanos(CLOCK.instant().minus(Duration.ofDays(31)));
    long recent = epochNanos(CLOCK.instant().minus(Duration.ofDays(29)));
    JdbcCaseStore.open(settings).close(); // the tables
    try (Connection c = connect(settings);
        Statement s = c.createStatement()) {
      for (long finished : new long[] {old, old, recent}) {
        s.executeUpdate(
            "INSERT INTO analysis_jobs (conversation, front_end, payload_json, state, attempts,"
                + " enqueued_at, finished_at) VALUES ('web:p', 'web', '{}', 'done', 1, "
                + finished
                + ", "
                + finished
                + ")");
      }
    }

    try (BotRuntime bot =
        BotRuntime.start(
            BotConfig.of(Map.of("data.dir", data.toString())),
            Path.of("knowledge-base"),
            Path.of("rules"),
            Illustrator.NONE,
            CLOCK)) {
      String metrics = Monitoring.of(bot).metrics().get();
      for (int i = 0; i < 600 && !PURGED_JOBS.matcher(metrics).find(); i++) {
        Thread.sleep(100);
        metrics = Monitoring.of(bot).metrics().get();
      }
      Matcher m = PURGED_JOBS.matcher(metrics);
      assertThat(m.find()).as(metrics).isTrue();
      assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(2.0);
    }
    try (Connection c = connect(settings);
        ResultSet rs = c.createStatement().executeQuery("SELECT finished_at FROM analysis_jobs")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).as("the recent job stays").isEqualTo(recent);
      assertThat(rs.next()).isFalse();
    }
  }

  private static Connection connect(StoreSettings s) throws SQLException {
    return DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
  }

  private static long epochNanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
