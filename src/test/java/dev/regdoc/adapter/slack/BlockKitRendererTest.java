package dev.regdoc.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.regdoc.adapter.shared.KnowledgeBaseWords;
import dev.regdoc.conversation.Block;
import dev.regdoc.conversation.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockKitRendererTest {
  private final BlockKitRenderer renderer = new BlockKitRenderer(KnowledgeBaseWords.load());

  @Test
  void aLessonsFilesGoOutAsUploadsAndOneThatCannotBeReadIsNamed(@TempDir Path dir)
      throws Exception {
    Path pcap = Files.write(dir.resolve("phone.pcap"), new byte[] {10, 20, 30});
    BlockKitRenderer withLessons =
        new BlockKitRenderer(
            KnowledgeBaseWords.load(),
            (lesson, file) ->
                lesson.equals("l1") && file.equals("phone.pcap")
                    ? Optional.of(pcap)
                    : Optional.empty());

    BlockKitRenderer.Rendered r =
        withLessons.render(
            new Reply.Builder()
                .add(new Block.LessonFiles("l1", List.of("phone.pcap", "gone.log")))
                .build("en", 0));

    assertThat(r.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.fileName()).isEqualTo("phone.pcap");
              assertThat(f.content()).containsExactly(10, 20, 30);
            });
    assertThat(r.blocks()).singleElement().isInstanceOf(ContextBlock.class);
    assertThat(
            ((MarkdownTextObject) ((ContextBlock) r.blocks().get(0)).getElements().get(0))
                .getText())
        .isEqualTo(
            ":paperclip: `phone.pcap` · `gone.log`\n"
                + "_Not attached (regdoc could not read them): gone.log_");
  }

  @Test
  void aTenThousandCharacterTextIsSplitIntoSectionsWithNothingLost() {
    String text = words(10_000);

    BlockKitRenderer.Rendered r = renderer.render(new Reply.Builder().text(text).build("en", 1));

    List<String> sections = sectionTexts(r.blocks());
    assertThat(sections)
        .hasSize(4)
        .allSatisfy(
            s -> assertThat(s.length()).isLessThanOrEqualTo(BlockKitRenderer.MAX_SECTION_CHARS));
    assertThat(String.join(" ", sections)).isEqualTo(text);
    assertThat(r.files()).isEmpty();
  }

  @Test
  void aFindingShowsTheRivalsItRuledOutInOneSectionWithWhereTheEvidenceIs() {
    Block.FindingCard card =
        new Block.FindingCard(
            1,
            "idle-connection-teardown",
            "root-cause",
            80,
            "SEP0024142DDF24",
            null,
            "Title",
            "Explanation",
            List.of("Fix it"),
            List.of(new Block.EvidenceLine("asa.log line 3", null, "teardown")),
            List.of(
                new Block.RuledOutLine(
                    "port-security-aging",
                    "Not port-security aging, because no port security on <Gi1/0/5>.",
                    List.of("switch.txt line 5")),
                new Block.RuledOutLine(
                    "proxy-arp",
                    "Not proxy ARP, because the CUCM's own answer.",
                    List.of("phone.pcap frames 3, 4"))));

    BlockKitRenderer.Rendered r = renderer.render(new Reply.Builder().add(card).build("en", 1));

    assertThat(sectionTexts(r.blocks()))
        .contains(
            "• Not port-security aging, because no port security on &lt;Gi1/0/5&gt;. _switch.txt"
                + " line 5_\n"
                + "• Not proxy ARP, because the CUCM's own answer. _phone.pcap frames 3, 4_");
    assertThat(new Reply.Builder().add(card).build("en", 1).plainText())
        .contains("Not proxy ARP, because the CUCM's own answer. (phone.pcap frames 3, 4)");
  }

  @Test
  void aReplyOfMoreThanFiftyBlocksKeepsFiftyAndAttachesTheFullReport() {
    Reply.Builder b = new Reply.Builder();
    for (int i = 1; i <= 80; i++) {
      b.add(new Block.Step("s" + i, i, "Step number " + i, "why " + i, List.of(), "open"));
    }
    Reply reply = b.build("en", 7);

    BlockKitRenderer.Rendered r = renderer.render(reply);

    assertThat(r.blocks()).hasSize(BlockKitRenderer.MAX_BLOCKS);
    assertThat(r.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.fileName()).isEqualTo(BlockKitRenderer.REPORT_NAME);
              assertThat(new String(f.content(), StandardCharsets.UTF_8))
                  .contains("Step number 1", "Step number 80");
            });
    assertThat(r.blocks().get(BlockKitRenderer.MAX_BLOCKS - 1).toString())
        .contains(BlockKitRenderer.REPORT_NAME);
  }

  @Test
  void aTextTooLongForFiftySectionsOverflowsIntoTheAttachedReport() {
    String text = words(200_000);

    BlockKitRenderer.Rendered r = renderer.render(new Reply.Builder().text(text).build("en", 1));

    assertThat(r.blocks()).hasSize(BlockKitRenderer.MAX_BLOCKS);
    assertThat(r.files())
        .singleElement()
        .satisfies(f -> assertThat(new String(f.content(), StandardCharsets.UTF_8)).contains(text));
    assertThat(r.text().length()).isLessThanOrEqualTo(BlockKitRenderer.MAX_SECTION_CHARS);
  }

  @Test
  void choiceActionsPassThroughUnchangedWithUniqueActionIds() {
    Reply reply =
        new Reply.Builder()
            .add(
                new Block.Choices(
                    "Protocol?",
                    List.of(
                        new Block.Choice("protocol:SIP", "SIP"),
                        new Block.Choice("step:done:phone-pcap", "Done"))))
            .build("en", 1);

    List<ButtonElement> buttons = buttons(renderer.render(reply).blocks());

    assertThat(buttons)
        .extracting(ButtonElement::getValue)
        .containsExactly("protocol:SIP", "step:done:phone-pcap");
    assertThat(buttons)
        .extracting(ButtonElement::getActionId)
        .doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).startsWith(BlockKitRenderer.ACTION_PREFIX));
  }

  @Test
  void markdownBecomesEscapedMrkdwn() {
    assertThat(BlockKitRenderer.mrkdwn("**Case #1** for <SEP001> & co\n- first"))
        .isEqualTo("*Case #1* for &lt;SEP001&gt; &amp; co\n• first");
  }

  /** Words of 9 letters and a space, {@code n} characters in all, so every cut falls on a space. */
  private static String words(int n) {
    return IntStream.range(0, n / 10)
        .mapToObj(i -> String.format("w%08d", i))
        .collect(Collectors.joining(" "));
  }

  private static List<String> sectionTexts(List<LayoutBlock> blocks) {
    return blocks.stream()
        .filter(SectionBlock.class::isInstance)
        .map(b -> ((SectionBlock) b).getText().getText())
        .toList();
  }

  private static List<ButtonElement> buttons(List<LayoutBlock> blocks) {
    List<ButtonElement> out = new ArrayList<>();
    for (LayoutBlock b : blocks) {
      if (b instanceof ActionsBlock a) {
        a.getElements().stream()
            .filter(ButtonElement.class::isInstance)
            .map(ButtonElement.class::cast)
            .forEach(out::add);
      }
    }
    return out;
  }
}
