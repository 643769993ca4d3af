package dev.regdoc.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regdoc.chat.web.WebChatSettings;
import dev.regdoc.conversation.EngineSettings;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.store.RetentionSettings;
import dev.regdoc.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config binds to typed sections, each value reaches its setting, and defaults hold. */
class BotConfigTest {
  private static final Path EXAMPLE = Path.of("bot/regdoc.example.yaml");
  private static final Path HOME = Path.of(System.getProperty("user.home"));

  @TempDir Path dir;

  @Test
  void theExampleConfigLoadsAndItsValuesAreTheDefaults() {
    BotConfig example = BotConfig.load(EXAMPLE);

    assertThat(example.file()).isEqualTo(ConfigFile.defaults());
    assertThat(example.store(Map.of()))
        .isEqualTo(
            StoreSettings.defaults(HOME.resolve(".regdoc"))
                .withDatabase(StoreSettings.defaultH2Url(HOME.resolve(".regdoc")), "sa", ""));
    assertThat(example.webChat()).isEqualTo(WebChatSettings.defaults());
    assertThat(example.engine(dir))
        .isEqualTo(new EngineSettings(EngineSettings.DEFAULT_MAX_UPLOAD, 2, dir));
    assertThat(example.ingestLimits())
        .isEqualTo(IngestLimits.defaults().withMaxFileBytes(EngineSettings.DEFAULT_MAX_UPLOAD));
    assertThat(example.analysisTimeLimit()).isEqualTo(Duration.ofSeconds(300));
    assertThat(example.retention()).isEqualTo(RetentionSettings.defaults());
  }

  @Test
  void theExampleShowsEveryKeyThereIs() {
    assertThat(ConfigSource.of(EXAMPLE).keys())
        .filteredOn(k -> k.contains("."))
        .containsExactlyInAnyOrderElementsOf(ConfigBinding.knownKeys());
  }

  @Test
  void everyValueOfTheFileReachesItsSetting() throws Exception {
    Path yaml =
        Files.writeString(
            dir.resolve("regdoc.yaml"),
            """
            data:
              dir: %s
            db:
              url: jdbc:postgresql://192.0.2.10:5432/regdoc
              user: regdoc
            files:
              retention-days: 7
            uploads:
              max-mb: 64
              max-expanded-mb: 300
              max-ratio: 50
            analyses:
              parallel: 3
              time-limit-seconds: 120
            retention:
              days: 10
              event-hours: 3
              web-history-days: 90
            web:
              host: 0.0.0.0
              port: 8081
              turn-threads: 2
              history-limit: 50
              host-names: [regdoc.example.net, Chat.Example.NET]
              header-timeout-seconds: 5
              idle-timeout-seconds: 30
              connections-per-client: 8
            lessons:
              captures: /srv/lessons
            """
                .formatted(dir.resolve("data")));
    BotConfig c = BotConfig.load(yaml);

    assertThat(c.store(Map.of(StoreSettings.PASSWORD_ENV, "from-the-environment")))
        .isEqualTo(
            new StoreSettings(
                "jdbc:postgresql://192.0.2.10:5432/regdoc",
                "regdoc",
                "from-the-environment",
                dir.resolve("data"),
                Duration.ofDays(7)));
    assertThat(c.webChat())
        .isEqualTo(
            new WebChatSettings(
                "0.0.0.0",
                8081,
                2,
                50,
                Set.of("regdoc.example.net", "chat.example.net"),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                8));
    assertThat(c.engine(dir)).isEqualTo(new EngineSettings(64L << 20, 3, Path.of("/srv/lessons")));
    assertThat(c.ingestLimits())
        .isEqualTo(new IngestLimits(64L << 20, 300L << 20, 300L << 20, 10_000, 3, 50));
    assertThat(c.analysisTimeLimit()).isEqualTo(Duration.ofSeconds(120));
    assertThat(c.retention())
        .isEqualTo(
            new RetentionSettings(
                Duration.ofDays(10),
                Duration.ofHours(3),
                Duration.ofDays(90),
                RetentionSettings.DEFAULT_BATCH_ROWS));
  }

  @Test
  void blankOrEmptyValuesAndSectionsTakeTheDefaults() throws Exception {
    Path yaml =
        Files.writeString(
            dir.resolve("regdoc.yaml"),
            "db:\n  url: \"\"\n  user: \"\"\nweb:\n  port:\nfiles:\ndata:\nlessons:\n");
    assertThat(BotConfig.load(yaml).file()).isEqualTo(ConfigFile.defaults());
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing set\n");
    assertThat(BotConfig.load(empty).file()).isEqualTo(ConfigFile.defaults());
  }

  @Test
  void aPropertyOverridesTheFileAndAnOptionOverridesBoth() throws Exception {
    Path yaml =
        Files.writeString(
            dir.resolve("regdoc.yaml"), "web:\n  port: 8081\ndata:\n  dir: /srv/from-file\n");
    String before = System.getProperty("regdoc.web.port");
    System.setProperty("regdoc.web.port", "9090");
    try {
      BotConfig c =
          BotConfig.load(
              yaml, Map.of("data.dir", Map.entry("--data-dir", dir.resolve("opt").toString())));
      assertThat(c.webChat().port()).isEqualTo(9090);
      assertThat(c.store(Map.of()).dataDir()).isEqualTo(dir.resolve("opt"));
    } finally {
      if (before == null) {
        System.clearProperty("regdoc.web.port");
      } else {
        System.setProperty("regdoc.web.port", before);
      }
    }
  }

  @Test
  void onlyPropertiesWithASectionAreConfigKeys() {
    Properties p = new Properties();
    p.setProperty("regdoc.kb", "/opt/regdoc/knowledge-base");
    p.setProperty("regdoc.rules", "/opt/regdoc/rules");
    p.setProperty("regdoc.uploads.max-mb", "64");
    p.setProperty("user.home", "/home/alice");
    assertThat(BotConfig.propertyOverrides(p)).isEqualTo(Map.of("uploads.max-mb", "64"));
  }

  @Test
  void hostNamesMayBeOneCommaSeparatedText() {
    assertThat(BotConfig.of(Map.of("web.host-names", "a.example.net, b.example.net")).webChat())
        .extracting(WebChatSettings::hostNames)
        .isEqualTo(Set.of("a.example.net", "b.example.net"));
  }

  @Test
  void everyNumberIsBoundedAndAnOversizedOneNamesItsKey() {
    String huge = "99999999999999999999";
    assertThatThrownBy(() -> BotConfig.of(Map.of("uploads.max-mb", huge)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "-Dregdoc.uploads.max-mb: uploads.max-mb must be a whole number from 1 to 1048576,"
                + " not \"99999999999999999999\"");
    // 2^44 MB would overflow the byte count if shifted without a bound
    assertThatThrownBy(() -> BotConfig.of(Map.of("uploads.max-mb", "17592186044416")))
        .hasMessageContaining("uploads.max-mb must be a whole number from 1 to 1048576");
    assertThatThrownBy(() -> BotConfig.of(Map.of("analyses.parallel", "two")))
        .hasMessageContaining("analyses.parallel must be a whole number from 1 to 256");
    assertThatThrownBy(() -> BotConfig.of(Map.of("files.retention-days", "999999999999999")))
        .hasMessageContaining("files.retention-days must be a whole number from 0 to 36500");
    assertThatThrownBy(() -> BotConfig.of(Map.of("retention.event-hours", "1")))
        .as("Slack retries an event for about an hour: its id is kept longer")
        .hasMessageContaining("retention.event-hours must be a whole number from 2 to 876000");
    assertThatThrownBy(() -> BotConfig.of(Map.of("retention.days", "0")))
        .hasMessageContaining("retention.days must be a whole number from 1 to 36500");
    assertThatThrownBy(() -> BotConfig.of(Map.of("web.port", "-1")))
        .hasMessageContaining("web.port must be a whole number from 0 to 65535, not \"-1\"");
    assertThat(BotConfig.of(Map.of("uploads.max-mb", "64")).engine(dir).maxUploadBytes())
        .isEqualTo(64L << 20);
    assertThat(BotConfig.of(Map.of("web.port", "0")).webChat().port()).isZero();
  }
}
