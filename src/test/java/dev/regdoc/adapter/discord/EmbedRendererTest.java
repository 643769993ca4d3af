package dev.regdoc.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.adapter.shared.KnowledgeBaseWords;
import dev.regdoc.conversation.Block;
import dev.regdoc.conversation.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.components.ActionRow;
import org.junit.jupiter.api.Test;

/** The Discord message stays within Discord's limits whatever the reply holds. */
class EmbedRendererTest {
  private final EmbedRenderer renderer = new EmbedRenderer(KnowledgeBaseWords.load());

  @Test
  void aShortReplyFitsWithoutAReport() {
    DiscordMessage m =
        renderer.render(reply(card(1, 3, 200), new Block.Text("**Next**: `show run`")));
    assertThat(m.embeds()).hasSize(2);
    assertThat(m.files()).isEmpty();
    assertThat(m.content()).isEmpty();
    MessageEmbed card = m.embeds().get(0);
    assertThat(card.getTitle()).isEqualTo("1. Finding 1");
    assertThat(card.getFields())
        .extracting(MessageEmbed.Field::getName)
        .containsSubsequence("Code", "Confidence", "Device", "Evidence", "Ruled out", "Fix");
    assertThat(m.embeds().get(1).getDescription()).isEqualTo("**Next**: `show run`");
  }

  @Test
  void manyLongFindingsStayWithinTenEmbedsAndSixThousandCharactersAndAttachTheReport() {
    List<Block> blocks = new ArrayList<>();
    IntStream.rangeClosed(1, 14).forEach(i -> blocks.add(card(i, 8, 900)));
    Reply r = new Reply("en", 1, blocks);
    DiscordMessage m = renderer.render(r);

    assertWithinLimits(m);
    assertThat(m.embeds()).hasSizeLessThan(14);
    assertThat(m.content()).contains(EmbedRenderer.REPORT_NAME);
    DiscordMessage.FileOut report =
        m.files().stream()
            .filter(f -> f.fileName().equals(EmbedRenderer.REPORT_NAME))
            .findFirst()
            .orElseThrow();
    assertThat(new String(report.content(), StandardCharsets.UTF_8)).isEqualTo(r.plainText());
  }

  @Test
  void aFindingWithLongEvidenceKeepsToFieldsOfAtMost1024CharactersWithinOneEmbedsSixThousand() {
    DiscordMessage m = renderer.render(reply(card(1, 200, 300)));
    assertWithinLimits(m);
    MessageEmbed e = m.embeds().get(0);
    assertThat(e.getLength()).isGreaterThan(5000);
    assertThat(e.getFields())
        .extracting(MessageEmbed.Field::getName)
        .contains("Evidence (continued)");
    assertThat(m.files())
        .extracting(DiscordMessage.FileOut::fileName)
        .contains(EmbedRenderer.REPORT_NAME);
  }

  @Test
  void longProseIsSplitIntoDescriptionsOfAtMost4096Characters() {
    String para = "word ".repeat(900).trim(); // 4,499 characters
    DiscordMessage m = renderer.render(reply(new Block.Text(para)));
    assertWithinLimits(m);
    assertThat(m.embeds()).hasSize(2);
    assertThat(m.embeds().get(0).getDescription() + " " + m.embeds().get(1).getDescription())
        .isEqualTo(para);
    assertThat(m.files()).isEmpty();
  }

  @Test
  void choicesBecomeAtMostTwentyFiveButtonsInFiveRowsCarryingTheEnginesActions() {
    List<Block.Choice> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(new Block.Choice("lesson:l" + i, "Lesson " + i + " " + "x".repeat(100)));
    }
    DiscordMessage m = renderer.render(reply(new Block.Choices("Pick a lesson", many)));
    assertThat(m.rows()).hasSize(EmbedRenderer.MAX_ROWS);
    assertThat(m.rows()).allSatisfy(r -> assertThat(r.getButtons()).hasSizeLessThanOrEqualTo(5));
    List<String> ids =
        m.rows().stream().flatMap(r -> r.getButtons().stream()).map(b -> b.getId()).toList();
    assertThat(ids).hasSize(25).startsWith("regdoc:lesson:l0").doesNotHaveDuplicates();
    assertThat(m.rows().stream().flatMap(r -> r.getButtons().stream()))
        .allSatisfy(b -> assertThat(b.getLabel().length()).isLessThanOrEqualTo(80));
    assertThat(m.files())
        .extracting(DiscordMessage.FileOut::fileName)
        .contains(EmbedRenderer.REPORT_NAME);
  }

  @Test
  void picturesAreAttachedAsPngFiles() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    DiscordMessage m = renderer.render(reply(new Block.Image("timeline", "Timeline", png)));
    assertThat(m.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.fileName()).isEqualTo("timeline.png");
              assertThat(f.content()).isEqualTo(png);
            });
  }

  @Test
  void aJapaneseReplyLabelsItsFindingAndReportInJapanese() {
    List<Block> blocks = new ArrayList<>();
    IntStream.rangeClosed(1, 14).forEach(i -> blocks.add(card(i, 8, 900)));
    DiscordMessage m = renderer.render(new Reply("ja", 1, blocks));
    assertThat(m.embeds().get(0).getFields())
        .extracting(MessageEmbed.Field::getName)
        .containsSubsequence("コード", "確度", "デバイス", "根拠", "除外した原因", "対処");
    assertThat(m.content())
        .isEqualTo(
            "*回答が Discord の 1 メッセージに収まらないため、全文を " + EmbedRenderer.REPORT_NAME + " として添付しました。*");
  }

  @Test
  void aSkippedFileIsShownAsAFileAndAnUnreadOneAsAWarningAsSlackShowsThem() {
    DiscordMessage m =
        renderer.render(
            reply(
                new Block.FileStatus("notes.txt", "notes", false, 12, List.of(), true),
                new Block.FileStatus("broken.pcap", "pcap", false, 40, List.of("truncated"))));
    assertThat(m.embeds().get(0).getDescription().lines().toList())
        .containsExactly(
            "📄 **notes.txt** (notes, 12 bytes) skipped",
            "",
            "⚠️ **broken.pcap** (pcap, 40 bytes) NOT READ",
            "truncated");
  }

  private static void assertWithinLimits(DiscordMessage m) {
    assertThat(m.embeds()).hasSizeLessThanOrEqualTo(EmbedRenderer.MAX_EMBEDS);
    assertThat(m.embedLength()).isLessThanOrEqualTo(EmbedRenderer.MAX_EMBED_TOTAL);
    assertThat(m.content().length()).isLessThanOrEqualTo(EmbedRenderer.MAX_CONTENT);
    for (MessageEmbed e : m.embeds()) {
      assertThat(e.getFields()).hasSizeLessThanOrEqualTo(EmbedRenderer.MAX_FIELDS);
      assertThat(e.getDescription() == null ? 0 : e.getDescription().length())
          .isLessThanOrEqualTo(EmbedRenderer.MAX_DESCRIPTION);
      assertThat(e.getTitle() == null ? 0 : e.getTitle().length())
          .isLessThanOrEqualTo(EmbedRenderer.MAX_TITLE);
      e.getFields().forEach(f -> assertThat(f.getValue().length()).isLessThanOrEqualTo(1024));
    }
    assertThat(m.rows()).hasSizeLessThanOrEqualTo(EmbedRenderer.MAX_ROWS);
    m.rows().stream()
        .map(ActionRow::getButtons)
        .forEach(b -> assertThat(b).hasSizeLessThanOrEqualTo(5));
  }

  private static Reply reply(Block... blocks) {
    return new Reply("en", 1, List.of(blocks));
  }

  private static Block.FindingCard card(int rank, int evidence, int explanation) {
    List<Block.EvidenceLine> ev = new ArrayList<>();
    for (int i = 0; i < evidence; i++) {
      ev.add(
          new Block.EvidenceLine(
              "phone.pcap frame " + (8 + i * 5),
              "2015-07-15T22:41:55Z",
              "first copy of the refresh lost after the idle period"));
    }
    return new Block.FindingCard(
        rank,
        "port-security-aging",
        "root-cause",
        95,
        "SEP0024142DDF24",
        null,
        "Finding " + rank,
        "e".repeat(explanation),
        List.of("Make the aging time longer than the keepalive interval"),
        ev,
        List.of(
            new Block.RuledOutLine(
                "firewall-idle-timeout",
                "Not a firewall idle timeout.",
                List.of("phone.pcap frame 8"))));
  }
}
