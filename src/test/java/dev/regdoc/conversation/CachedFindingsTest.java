package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
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
 * "findings" and "timeline" answer from the case's last analysis, read once, in the asker's
 * language.
 */
class CachedFindingsTest {
  private static final Path KB = Path.of("knowledge-base");
  private static final String ALICE = "web:alice";

  @TempDir Path data;
  CountingCaseStore store;
  ChatEngine bot;

  @BeforeEach
  void start() {
    store = new CountingCaseStore(JdbcCaseStore.open(StoreSettings.defaults(data)));
    bot = engineOver(store);
  }

  @AfterEach
  void stop() {
    store.close();
  }

  @Test
  void findingsAndTimelineAfterAnUploadDoNotReadTheFilesAgain() {
    long caseId = openCase("web:a");
    bot.handle(
        Incoming.upload("web:a", ALICE, "", List.of(BotFixture.caseStudy2("phone.pcap"))),
        ProgressSink.NONE);
    int readsAfterUpload = store.contentReads();

    Reply findings = say("web:a", ALICE, "findings");
    Reply timeline = say("web:a", ALICE, "timeline");

    assertThat(readsAfterUpload).as("the upload read its one file").isEqualTo(1);
    assertThat(store.contentReads()).as("no file read again").isEqualTo(readsAfterUpload);
    assertThat(findings.caseId()).isEqualTo(caseId);
    assertThat(codes(findings)).contains("port-security-aging");
    assertThat(timeline.blocks())
        .filteredOn(Block.Preformatted.class::isInstance)
        .singleElement()
        .satisfies(b -> assertThat(((Block.Preformatted) b).text()).contains("SEP0024142DDF24"));
    assertThat(timeline.plainText()).doesNotContain("```");
  }

  @Test
  void aSecondUploadMakesTheNextAnalysisReadAllTheCasesFiles() {
    openCase("web:a");
    bot.handle(
        Incoming.upload("web:a", ALICE, "", List.of(BotFixture.caseStudy2("phone.pcap"))),
        ProgressSink.NONE);
    say("web:a", ALICE, "findings");

    Reply second =
        bot.handle(
            Incoming.upload(
                "web:a", ALICE, "", List.of(BotFixture.caseStudy2("switch-config.txt"))),
            ProgressSink.NONE);
    int readsAfterSecond = store.contentReads();
    Reply findings = say("web:a", ALICE, "findings");

    assertThat(readsAfterSecond)
        .as("1 for the first upload, then both files for the second")
        .isEqualTo(3);
    assertThat(second.plainText()).contains("(2 files)");
    assertThat(store.contentReads()).isEqualTo(readsAfterSecond);
    assertThat(findings.plainText()).contains("port-security-aging");
  }

  @Test
  void aJapaneseEngineerGetsJapaneseFindingsFromACaseAnalysedInEnglish() {
    long caseId = openCase("web:a");
    Reply english =
        bot.handle(
            Incoming.upload("web:a", ALICE, "", List.of(BotFixture.caseStudy2("phone.pcap"))),
            ProgressSink.NONE);
    say("web:b", "web:kenji", "ケース " + caseId);
    int reads = store.contentReads();

    Reply japanese = say("web:b", "web:kenji", "結果");
    Reply englishAgain = say("web:a", ALICE, "findings");

    assertThat(store.contentReads()).isEqualTo(reads);
    assertThat(japanese.lang()).isEqualTo("ja");
    assertThat(titleOf(japanese)).contains("ポートセキュリティのエージング");
    assertThat(japanese.plainText()).contains("見つかった内容です");
    assertThat(titleOf(english)).startsWith("Port-security aging on");
    assertThat(titleOf(englishAgain)).isEqualTo(titleOf(english));
  }

  private long openCase(String conversation) {
    return say(
            conversation,
            ALICE,
            "SEP0024142DDF24 drops to the secondary every 16 minutes, SIP, CUCM 14")
        .caseId();
  }

  private Reply say(String conversation, String user, String text) {
    return bot.handle(Incoming.text(conversation, user, text), ProgressSink.NONE);
  }

  private static List<String> codes(Reply r) {
    return cards(r).stream().map(Block.FindingCard::code).toList();
  }

  private static String titleOf(Reply r) {
    return cards(r).stream()
        .filter(c -> c.code().equals("port-security-aging"))
        .findFirst()
        .orElseThrow()
        .title();
  }

  private static List<Block.FindingCard> cards(Reply r) {
    return r.blocks().stream()
        .filter(Block.FindingCard.class::isInstance)
        .map(Block.FindingCard.class::cast)
        .toList();
  }

  /** The engine as the bot builds it, over the given store. */
  private static ChatEngine engineOver(CountingCaseStore store) {
    return BotRuntime.engine(
        BotConfig.of(Map.of()), KB, Path.of("rules"), store, Illustrator.NONE, BotFixture.CLOCK);
  }
}
