package dev.regdoc.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Both languages say everything the pictures show. */
class LabelsTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = LabelsTest.class.getResourceAsStream(name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishAndJapaneseHaveTheSameKeys() throws IOException {
    assertThat(load("labels_ja.properties").stringPropertyNames())
        .isEqualTo(load("labels.properties").stringPropertyNames());
  }

  @Test
  void everyMarkKindAndMarkerKindHasWords() {
    for (String lang : new String[] {"en", "ja"}) {
      Labels l = Labels.of(lang);
      for (TimelineScene.MarkKind k : TimelineScene.MarkKind.values()) {
        assertThat(l.get("mark." + LanesPanel.camel(k)))
            .as("%s %s", lang, k)
            .doesNotStartWith("mark.");
      }
      for (TimelineScene.MarkerKind k : TimelineScene.MarkerKind.values()) {
        assertThat(l.get("marker." + k.name().toLowerCase()))
            .as("%s %s", lang, k)
            .doesNotStartWith("marker.");
      }
    }
  }

  @Test
  void anUnknownLanguageGetsEnglishAndPlaceholdersAreFilled() {
    assertThat(Labels.of("fr").lang()).isEqualTo("en");
    assertThat(Labels.of("ja-JP").get("intervals.deadlineSip", "130")).isEqualTo("CUCMの期限 130秒");
    assertThat(Labels.of("en").get("ladder.lost", "cucm.pcap"))
        .isEqualTo("left the phone, never reached cucm.pcap");
  }
}
