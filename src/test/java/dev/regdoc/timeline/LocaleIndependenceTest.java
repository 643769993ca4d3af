package dev.regdoc.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tests pin the JVM to en-US, but engineers run regdoc under their own locale: numbers keep a
 * decimal point and event kinds keep their ASCII spelling (Turkish lower-cases I to a dotless ı).
 */
class LocaleIndependenceTest {
  private static final String CASE2 = "src/test/resources/fixtures/case-study-2/";
  private final Locale original = Locale.getDefault();

  @AfterEach
  void restore() {
    Locale.setDefault(original);
  }

  @ParameterizedTest
  @ValueSource(strings = {"de-DE", "tr-TR", "ja-JP"})
  void timelineReadsTheSameUnderAnyLocale(String tag) {
    String english = timeline();
    Locale.setDefault(Locale.forLanguageTag(tag));
    String local = timeline();
    assertThat(local)
        .isEqualTo(english)
        .contains("tcp-retransmission")
        .containsPattern("runs [+-]\\d+\\.\\d{3} s");
  }

  @Test
  void theSameHoldsForTheJsonForm() {
    String english = timeline("--format", "json");
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    assertThat(timeline("--format", "json")).isEqualTo(english);
  }

  private static String timeline(String... extra) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      String[] args = new String[3 + extra.length];
      args[0] = "timeline";
      args[1] = CASE2 + "phone.pcap";
      args[2] = CASE2 + "cucm.pcap";
      System.arraycopy(extra, 0, args, 3, extra.length);
      assertThat(Main.run(args)).isZero();
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
