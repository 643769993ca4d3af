package dev.regdoc.adapter.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.regdoc.adapter.shared.ChatText;
import dev.regdoc.adapter.shared.ChatWords;
import dev.regdoc.adapter.shared.FileStatusLine;
import dev.regdoc.common.DisplayNames;
import dev.regdoc.conversation.Block;
import dev.regdoc.conversation.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a platform-neutral {@link Reply} into Block Kit within Slack's limits (3,000 characters a
 * section, 50 blocks a message, 25 buttons a row). Whatever does not fit goes out as an attached
 * Markdown report.
 */
final class BlockKitRenderer {
  static final int MAX_SECTION_CHARS = 3000;
  static final int MAX_BLOCKS = 50;
  static final String ACTION_PREFIX = "regdoc.";
  private static final int MAX_BUTTONS = 25;
  private static final int MAX_BUTTON_LABEL = 75;
  private static final int MAX_HEADER = 150;
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  static final String REPORT_NAME = "regdoc-report.md";

  /** A lesson file larger than this is named, not uploaded (the lessons' own are kilobytes). */
  static final long MAX_LESSON_FILE = 64L << 20;

  private static final FileStatusLine FILE_STATUS =
      new FileStatusLine(
          ":page_facing_up:", ":warning:", s -> "*" + s + "*", BlockKitRenderer::escape);

  private final ChatWords words;

  /** Where a lesson's file is ({@code ChatEngine.lessonFile}); none without lessons. */
  private final BiFunction<String, String, Optional<Path>> lessonFiles;

  BlockKitRenderer(ChatWords words) {
    this(words, (lesson, file) -> Optional.empty());
  }

  BlockKitRenderer(ChatWords words, BiFunction<String, String, Optional<Path>> lessonFiles) {
    this.words = words;
    this.lessonFiles = lessonFiles;
  }

  /** A file to upload into the thread after the message (pictures, long reports). */
  record FileOut(String fileName, String title, byte[] content) {}

  /** The message: its blocks, its notification text, and the files that go with it. */
  record Rendered(List<LayoutBlock> blocks, String text, List<FileOut> files) {}

  Rendered render(Reply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    List<FileOut> files = new ArrayList<>();
    boolean[] cut = {false};
    Set<String> actionIds = new HashSet<>();
    for (Block b : reply.blocks()) {
      addBlock(b, blocks, files, cut, actionIds, reply.lang());
    }
    if (blocks.size() > MAX_BLOCKS) {
      blocks = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - 1));
      cut[0] = true;
    }
    if (cut[0]) {
      if (blocks.size() >= MAX_BLOCKS) {
        blocks = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - 1));
      }
      String lang = reply.lang();
      blocks.add(
          context(
              "_"
                  + words.say("team-reply-cut", lang, "platform", "Slack", "file", REPORT_NAME)
                  + "_"));
      files.add(
          new FileOut(
              REPORT_NAME,
              words.say("team-report-title", lang),
              reply.plainText().getBytes(StandardCharsets.UTF_8)));
    }
    return new Rendered(blocks, notification(reply), files);
  }

  private void addBlock(
      Block b,
      List<LayoutBlock> out,
      List<FileOut> files,
      boolean[] cut,
      Set<String> ids,
      String lang) {
    if (b instanceof Block.Text t) {
      for (String part : ChatText.split(mrkdwn(t.markdown()), MAX_SECTION_CHARS)) {
        out.add(section(part, cut));
      }
    } else if (b instanceof Block.Preformatted p) {
      // Slack's code block; each part is fenced on its own so a cut never leaves one open
      for (String part : ChatText.split(escape(p.text()), MAX_SECTION_CHARS - 8)) {
        out.add(section("```" + part + "```", cut));
      }
    } else if (b instanceof Block.Choices c) {
      if (c.prompt() != null && !c.prompt().isBlank()) {
        out.add(section(mrkdwn(c.prompt()), cut));
      }
      List<BlockElement> buttons = new ArrayList<>();
      for (Block.Choice ch : c.choices()) {
        if (buttons.size() < MAX_BUTTONS) {
          buttons.add(button(ch.label(), ch.action(), ids));
        } else {
          cut[0] = true;
        }
      }
      if (!buttons.isEmpty()) {
        out.add(ActionsBlock.builder().elements(buttons).build());
      }
    } else if (b instanceof Block.Step s) {
      addStep(s, out, cut);
    } else if (b instanceof Block.FindingCard f) {
      addFinding(f, out, cut, lang);
    } else if (b instanceof Block.FileStatus f) {
      out.add(context(FILE_STATUS.render(f)));
    } else if (b instanceof Block.Image i) {
      files.add(new FileOut(i.fileName(), i.title(), i.png()));
    } else if (b instanceof Block.Attachment a) {
      files.add(new FileOut(a.fileName(), a.fileName(), a.content()));
    } else if (b instanceof Block.LessonFiles l) {
      addLessonFiles(l, out, files, lang);
    }
  }

  /**
   * A lesson's files are uploaded to the thread (a Slack user has no path to open on regdoc's
   * machine); the message names them, and says which could not be attached.
   */
  private void addLessonFiles(
      Block.LessonFiles l, List<LayoutBlock> out, List<FileOut> files, String lang) {
    List<String> missing = new ArrayList<>();
    for (String name : l.files()) {
      Optional<byte[]> content =
          lessonFiles.apply(l.lesson(), name).flatMap(BlockKitRenderer::read);
      if (content.isPresent()) {
        files.add(new FileOut(name, name, content.get()));
      } else {
        missing.add(name);
      }
    }
    String names =
        l.files().stream()
            .map(f -> "`" + escape(DisplayNames.clean(f)) + "`")
            .collect(Collectors.joining(" · "));
    out.add(
        context(
            ":paperclip: "
                + names
                + (missing.isEmpty()
                    ? ""
                    : "\n_"
                        + words.say(
                            "team-not-attached",
                            lang,
                            "files",
                            escape(DisplayNames.clean(String.join(", ", missing))))
                        + "_")));
  }

  private static Optional<byte[]> read(Path file) {
    try {
      return Files.size(file) > MAX_LESSON_FILE
          ? Optional.empty()
          : Optional.of(Files.readAllBytes(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * A step is text only: the engine sends its buttons as a Choices block, whose actions pass
   * through unchanged.
   */
  private void addStep(Block.Step s, List<LayoutBlock> out, boolean[] cut) {
    StringBuilder text = new StringBuilder();
    text.append(stateMark(s.state()))
        .append(" *")
        .append(s.order())
        .append(". ")
        .append(escape(s.title()))
        .append("*\n")
        .append(mrkdwn(s.why()));
    for (String how : s.how()) {
      text.append("\n• ").append(mrkdwn(how));
    }
    out.add(section(text.toString(), cut));
  }

  private void addFinding(Block.FindingCard f, List<LayoutBlock> out, boolean[] cut, String lang) {
    out.add(HeaderBlock.builder().text(plain(f.rank() + ". " + f.title(), MAX_HEADER)).build());
    StringBuilder meta = new StringBuilder();
    meta.append('`')
        .append(f.code())
        .append("` · ")
        .append(escape(f.device()))
        .append(" · ")
        .append(f.tier())
        .append(" · ")
        .append(f.confidencePercent())
        .append('%');
    if (f.causedBy() != null) {
      meta.append(" · ")
          .append(words.say("team-field-caused-by", lang))
          .append(" `")
          .append(f.causedBy())
          .append('`');
    }
    out.add(context(meta.toString()));
    out.add(section(mrkdwn(f.explanation()), cut));
    if (!f.ruledOut().isEmpty()) {
      // one section for all rivals: the 50-block limit is shared by every card of the reply
      StringBuilder rivals = new StringBuilder();
      for (Block.RuledOutLine r : f.ruledOut()) {
        rivals
            .append(rivals.length() == 0 ? "" : "\n")
            .append("• ")
            .append(escape(r.text()))
            .append(r.where().isEmpty() ? "" : " _" + escape(String.join("; ", r.where())) + "_");
      }
      out.add(section(rivals.toString(), cut));
    }
    if (!f.evidence().isEmpty()) {
      StringBuilder ev = new StringBuilder("*" + words.say("team-field-evidence", lang) + "*");
      for (Block.EvidenceLine e : f.evidence()) {
        ev.append("\n• ")
            .append(escape(e.where()))
            .append(e.time() == null ? "" : " `" + e.time() + "`")
            .append(": ")
            .append(escape(e.note()));
      }
      out.add(section(ev.toString(), cut));
    }
    if (!f.fix().isEmpty()) {
      StringBuilder fix = new StringBuilder("*" + words.say("team-field-fix", lang) + "*");
      int i = 1;
      for (String step : f.fix()) {
        fix.append('\n').append(i++).append(". ").append(mrkdwn(step));
      }
      out.add(section(fix.toString(), cut));
    }
    out.add(DividerBlock.builder().build());
  }

  private static String stateMark(String state) {
    if ("done".equals(state)) {
      return ":white_check_mark:";
    } else if ("skipped".equals(state)) {
      return ":fast_forward:";
    }
    return ":white_large_square:";
  }

  private static SectionBlock section(String mrkdwn, boolean[] cut) {
    String text = mrkdwn.isEmpty() ? " " : mrkdwn;
    if (text.length() > MAX_SECTION_CHARS) {
      cut[0] = true;
      text = text.substring(0, MAX_SECTION_CHARS - 1) + "…";
    }
    return SectionBlock.builder().text(MarkdownTextObject.builder().text(text).build()).build();
  }

  private static ContextBlock context(String mrkdwn) {
    String text =
        mrkdwn.length() > MAX_SECTION_CHARS
            ? mrkdwn.substring(0, MAX_SECTION_CHARS - 1) + "…"
            : mrkdwn;
    List<ContextBlockElement> els = List.of(MarkdownTextObject.builder().text(text).build());
    return ContextBlock.builder().elements(els).build();
  }

  /**
   * action_id must be unique in a message, so it is a prefix plus a counter; value carries
   * Choice.action.
   */
  private static ButtonElement button(String label, String action, Set<String> ids) {
    String id = ACTION_PREFIX + ids.size();
    ids.add(id);
    return ButtonElement.builder()
        .actionId(id)
        .value(action)
        .text(plain(label, MAX_BUTTON_LABEL))
        .build();
  }

  private static PlainTextObject plain(String text, int max) {
    String t = text.length() > max ? text.substring(0, max - 1) + "…" : text;
    return PlainTextObject.builder().text(t).emoji(true).build();
  }

  /** The engine's Markdown subset (**bold**, `code`, "- " bullets) in Slack's mrkdwn. */
  static String mrkdwn(String markdown) {
    if (markdown == null) {
      return "";
    }
    String escaped = escape(markdown);
    String bold = BOLD.matcher(escaped).replaceAll("*$1*");
    return bold.replaceAll("(?m)^- ", "• ");
  }

  /** Slack treats &amp;, &lt; and &gt; as control characters in text. */
  static String escape(String s) {
    return s == null
        ? ""
        : DisplayNames.cleanText(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The text Slack shows in notifications and to clients that cannot draw blocks. */
  private static String notification(Reply reply) {
    String plain = reply.plainText();
    return plain.length() > MAX_SECTION_CHARS
        ? plain.substring(0, MAX_SECTION_CHARS - 1) + "…"
        : plain;
  }
}
