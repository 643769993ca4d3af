package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language a user chose (or their platform's setting for them) holds against a message that
 * only looks English: a file name, an identifier, a word or two. A sentence in the other language
 * still switches.
 */
class LanguageChoiceTest {
  private static final Pattern KANA = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}]");

  @TempDir Path dataDir;

  @Test
  void aPlatformLanguageHoldsAgainstFileNamesAndAWordOrTwo() {
    assertThat(Languages.choose(null, "phone.pcap", "ja", null).key()).isEqualTo("ja");
    assertThat(Languages.choose(null, "phone.pcap switch-config.txt", "ja", null).key())
        .isEqualTo("ja");
    assertThat(Languages.choose(null, "yes please", "ja", null).key()).isEqualTo("ja");
    assertThat(Languages.choose(null, "ok", "ja", null).key()).isEqualTo("ja");
    assertThat(Languages.choose(null, "logs/cucm-trace.zip", null, "ja").key()).isEqualTo("ja");
    assertThat(Languages.choose(null, "SEP0024142DDF24 10.1.1.5 cisco", "ja", null).key())
        .isEqualTo("ja");
  }

  @Test
  void aSentenceStillSwitchesAndAChoiceStillWins() {
    assertThat(Languages.choose(null, "the phone drops.", "ja", null).key()).isEqualTo("en");
    assertThat(Languages.choose(null, "電話機 phone.pcap", "en", null).key()).isEqualTo("ja");
    assertThat(Languages.choose("ja", "the phone drops every 16 minutes", "en", "en").key())
        .isEqualTo("ja");
  }

  @Test
  void aUserWhoChoseJapaneseIsAnsweredInJapaneseWhenTheyTypeAFileNameOrAShortWord() {
    try (BotRuntime bot = BotFixture.start(dataDir)) {
      ChatEngine engine = bot.engine();
      String user = "discord:500000000000000011";
      say(engine, user, "日本語で");
      for (String text : List.of("phone.pcap", "switch-config.txt", "help me", "SIP")) {
        Reply r = say(engine, user, text);
        assertThat(r.lang()).as(text).isEqualTo("ja");
        assertThat(KANA.matcher(r.plainText()).find()).as(text).isTrue();
      }
    }
  }

  @Test
  void aPlatformLanguageHoldsInTheEngineForAWordOrTwo() {
    try (BotRuntime bot = BotFixture.start(dataDir)) {
      Reply r =
          bot.engine()
              .handle(
                  new Incoming(
                      "discord:g:t2", "discord:12", "u12", "help me", List.of(), null, "ja"),
                  ProgressSink.NONE);
      assertThat(r.lang()).isEqualTo("ja");
    }
  }

  private static Reply say(ChatEngine engine, String user, String text) {
    return engine.handle(
        new Incoming("discord:g:t1", user, "u11", text, List.of(), null, null), ProgressSink.NONE);
  }
}
