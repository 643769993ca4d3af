package dev.regdoc.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config file that regdoc cannot use stops it with one line naming the file, the line, the key
 * and what is wrong with it; it is never half-read or silently ignored.
 */
class BotConfigErrorsTest {
  @TempDir Path dir;

  @Test
  void aMisspeltKeyNamesTheClosestKnownKey() throws Exception {
    Path yaml = write("web:\n  host: 127.0.0.1\n  prot: 8081\n");
    assertThatThrownBy(() -> BotConfig.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("config " + yaml + ", line 3: unknown key web.prot (did you mean web.port?)");
  }

  @Test
  void aMisspeltSectionNamesTheClosestSection() throws Exception {
    Path yaml = write("# uploads\nuplods:\n  max-mb: 64\n");
    assertThatThrownBy(() -> BotConfig.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("config " + yaml + ", line 2: unknown key uplods (did you mean uploads?)");
  }

  @Test
  void aFlatKeyIsShownItsNestedForm() throws Exception {
    Path yaml = write("data:\n  dir: /srv/regdoc\nweb.port: 8081\n");
    assertThatThrownBy(() -> BotConfig.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("config " + yaml + ", line 3: web.port is written nested: port: under web:");
  }

  @Test
  void anUnknownKeyListsTheKnownKeysOfItsSection() throws Exception {
    Path yaml = write("data:\n  dir: /srv/regdoc\n  colour: blue\n");
    assertThatThrownBy(() -> BotConfig.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "config " + yaml + ", line 3: unknown key data.colour (the keys of data are: dir)");
  }

  @Test
  void aWrongTypedValueNamesTheKeyTheRangeAndTheValue() throws Exception {
    Path yaml = write("uploads:\n  max-mb: 64\n  max-ratio: lots\n");
    assertThatThrownBy(() -> BotConfig.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "config "
                + yaml
                + ", line 3: uploads.max-ratio must be a whole number from 2 to 1000000,"
                + " not \"lots\"");
  }

  @Test
  void aFractionIsNotAWholeNumber() throws Exception {
    Path yaml = write("analyses:\n  parallel: 2.5\n");
    assertThatThrownBy(() -> BotConfig.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "config "
                + yaml
                + ", line 2: analyses.parallel must be a whole number from 1 to 256, not \"2.5\"");
  }

  @Test
  void aNumberOutOfRangeNamesTheRange() throws Exception {
    Path yaml = write("web:\n  port: 70000\n");
    assertThatThrownBy(() -> BotConfig.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "config "
                + yaml
                + ", line 2: web.port must be a whole number from 0 to 65535, not \"70000\"");
  }

  @Test
  void aNumberBeyondEveryRangeNamesItsKey() throws Exception {
    Path yaml = write("web:\n  host: 127.0.0.1\n  port: 99999999999999999999\n");
    assertThatThrownBy(() -> BotConfig.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "config "
                + yaml
                + ", line 3: web.port must be a whole number from 0 to 65535,"
                + " not \"99999999999999999999\"");
  }

  @Test
  void aValueWhereASectionBelongsNamesTheSectionsKeys() throws Exception {
    Path yaml = write("files: 30\n");
    assertThatThrownBy(() -> BotConfig.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "config "
                + yaml
                + ", line 1: files must be a section with the keys retention-days, not \"30\"");
  }

  @Test
  void aPasswordInTheFileIsRefusedAndTheEnvironmentVariableNamed() throws Exception {
    Path yaml = write("db:\n  url: jdbc:postgresql://127.0.0.1/regdoc\n  password: hunter2\n");
    assertThatThrownBy(() -> BotConfig.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "config "
                + yaml
                + ", line 3: db.password is never read from the config; set the environment"
                + " variable REGDOC_DB_PASSWORD")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aKeyGivenTwiceIsNamed() throws Exception {
    Path yaml = write("web:\n  port: 8081\n  port: 8082\n");
    assertThatThrownBy(() -> BotConfig.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("config " + yaml + ", line 3: web.port is given twice");
  }

  @Test
  void brokenYamlIsNamedWithItsLine() throws Exception {
    Path yaml = write("web:\n  port: 8081\n host: x\n");
    assertThatThrownBy(() -> BotConfig.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("config " + yaml + ", line 3: not valid YAML: ")
        .satisfies(e -> assertThat(e.getMessage()).hasLineCount(1));
  }

  @Test
  void aMissingFileIsNamed() {
    Path yaml = dir.resolve("nowhere.yaml");
    assertThatThrownBy(() -> BotConfig.load(yaml)).hasMessage("config " + yaml + ": no such file");
  }

  @Test
  void aWrongOverrideNamesTheProperty() {
    assertThatThrownBy(() -> BotConfig.of(Map.of("web.port", "eighty")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "-Dregdoc.web.port: web.port must be a whole number from 0 to 65535, not \"eighty\"");
    assertThatThrownBy(() -> BotConfig.of(Map.of("web.prot", "8081")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("-Dregdoc.web.prot: unknown key web.prot (did you mean web.port?)");
  }

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("regdoc.yaml"), yaml);
  }
}
