package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.fixtures.SiteOutage;
import dev.regdoc.store.JdbcCaseStore;
import dev.regdoc.store.StoreSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site outage in the chat: one card per shared cause with the busiest phones, each phone's
 * findings on request.
 */
class OutageChatTest {
  private static final String ALICE = "web:alice";
  private static final int PHONES = 300;

  @TempDir Path data;
  CountingCaseStore store;
  ChatEngine bot;

  @BeforeEach
  void start() {
    store = new CountingCaseStore(JdbcCaseStore.open(StoreSettings.defaults(data)));
    bot =
        BotRuntime.engine(
            BotConfig.of(Map.of()),
            Path.of("knowledge-base"),
            Path.of("rules"),
            store,
            Illustrator.NONE,
            BotFixture.CLOCK);
  }

  @AfterEach
  void stop() {
    store.close();
  }

  @Test
  void theOutageIsOneCardPerCauseAndEachPhoneOnRequest() throws Exception {
    Path log = data.resolve("cucm-syslog.log");
    new SiteOutage(3 * PHONES, PHONES).write(log);
    say("SEP02AB00000000 and many more dropped at once, SIP, CUCM 14");
    Reply answer =
        bot.handle(
            Incoming.upload(
                "web:a",
                ALICE,
                "",
                List.of(new Upload("cucm-syslog.log", log.toFile().length(), log))),
            ProgressSink.NONE);

    Block.FindingCard summary = cards(answer).get(0);
    assertThat(summary.code()).isEqualTo("unregistered-reason");
    assertThat(summary.title()).startsWith(PHONES + " phones:");
    assertThat(summary.evidence())
        .extracting(Block.EvidenceLine::where)
        .containsExactly(
            SiteOutage.device(0),
            SiteOutage.device(1),
            SiteOutage.device(2),
            SiteOutage.device(3),
            SiteOutage.device(4));
    assertThat(summary.evidence().get(0).note())
        .startsWith((1 + SiteOutage.heavyAttempts(0)) + " events");
    assertThat(summary.explanation()).contains("findings for " + SiteOutage.device(0));
    assertThat(cards(answer)).extracting(Block.FindingCard::code).doesNotHaveDuplicates();

    Reply one = say("findings for " + SiteOutage.device(3));
    assertThat(cards(one))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.device()).isEqualTo(SiteOutage.device(3)));
    assertThat(one.plainText())
        .contains((1 + SiteOutage.heavyAttempts(3) - cards(one).size()) + " more findings are");

    Reply japanese = say(SiteOutage.device(3) + " の結果");
    assertThat(cards(japanese))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.device()).isEqualTo(SiteOutage.device(3)));
    assertThat(say("findings for SEP0000000000FF").plainText())
        .contains("no findings for SEP0000000000FF");
  }

  private Reply say(String text) {
    return bot.handle(Incoming.text("web:a", ALICE, text), ProgressSink.NONE);
  }

  private static List<Block.FindingCard> cards(Reply r) {
    return r.blocks().stream()
        .filter(Block.FindingCard.class::isInstance)
        .map(Block.FindingCard.class::cast)
        .toList();
  }
}
