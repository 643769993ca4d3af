package dev.regdoc.adapter.discord;

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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.components.ActionRow;
import net.dv8tion.jda.api.interactions.components.buttons.Button;

/**
 * Turns a platform-neutral {@link Reply} into one Discord message within Discord's limits: at most
 * 10 embeds and 6,000 characters across them, 4,096 a description, 256 a title, 25 fields of 1,024,
 * 25 buttons in 5 rows. Whatever does not fit goes out as an attached Markdown report, named in the
 * message's text.
 */
final class EmbedRenderer {
  static final int MAX_EMBEDS = 10;
  static final int MAX_EMBED_TOTAL = MessageEmbed.EMBED_MAX_LENGTH_BOT;
  static final int MAX_DESCRIPTION = MessageEmbed.DESCRIPTION_MAX_LENGTH;
  static final int MAX_TITLE = MessageEmbed.TITLE_MAX_LENGTH;
  static final int MAX_FIELDS = MessageEmbed.MAX_FIELD_AMOUNT;
  static final int MAX_FIELD_VALUE = MessageEmbed.VALUE_MAX_LENGTH;
  static final int MAX_CONTENT = 2000;
  static final int MAX_BUTTONS_PER_ROW = 5;
  static final int MAX_ROWS = 5;
  static final int MAX_BUTTON_LABEL = 80;
  static final int MAX_BUTTON_ID = 100;
  static final String ACTION_PREFIX = "regdoc:";
  static final String REPORT_NAME = "regdoc-report.md";

  /** A lesson file larger than this is named, not attached (the lessons' own are kilobytes). */
  static final long MAX_LESSON_FILE = 8L << 20;

  private static final int TEXT_COLOR = 0x5865F2;
  private static final int FINDING_COLOR = 0xED4245;
  private static final int STEP_COLOR = 0x57F287;

  private static final FileStatusLine FILE_STATUS =
      new FileStatusLine("📄", "⚠️", s -> "**" + s + "**", EmbedRenderer::clean);

  private final ChatWords words;
  private final BiFunction<String, String, Optional<Path>> lessonFiles;

  EmbedRenderer(ChatWords words) {
    this(words, (lesson, file) -> Optional.empty());
  }

  EmbedRenderer(ChatWords words, BiFunction<String, String, Optional<Path>> lessonFiles) {
    this.words = words;
    this.lessonFiles = lessonFiles;
  }

  /** An embed before it is checked against the message's limits. */
  private record Draft(EmbedBuilder embed, boolean cut) {}

  /** What rendering gathers: embeds in order, buttons, files, notes, and whether any was cut. */
  private static final class Out {
    final List<Draft> drafts = new ArrayList<>();
    final List<Button> buttons = new ArrayList<>();
    final Set<String> buttonIds = new HashSet<>();
    final List<DiscordMessage.FileOut> files = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean cut;

    void flushText() {
      if (text.length() == 0) {
        return;
      }
      for (String part : ChatText.split(text.toString(), MAX_DESCRIPTION)) {
        drafts.add(new Draft(new EmbedBuilder().setColor(TEXT_COLOR).setDescription(part), false));
      }
      text = new StringBuilder();
    }

    void addText(String markdown) {
      if (markdown == null || markdown.isBlank()) {
        return;
      }
      if (text.length() > 0) {
        text.append("\n\n");
      }
      text.append(markdown);
    }
  }

  DiscordMessage render(Reply reply) {
    Out out = new Out();
    for (Block b : reply.blocks()) {
      add(b, out, reply.lang());
    }
    out.flushText();
    List<MessageEmbed> embeds = new ArrayList<>();
    int total = 0;
    boolean cut = out.cut;
    for (Draft d : out.drafts) {
      if (!d.embed().isValidLength()) {
        cut = true;
        continue;
      }
      MessageEmbed e = d.embed().build();
      if (embeds.size() >= MAX_EMBEDS || total + e.getLength() > MAX_EMBED_TOTAL) {
        cut = true;
        break;
      }
      embeds.add(e);
      total += e.getLength();
      cut |= d.cut();
    }
    List<String> notes = new ArrayList<>(out.notes);
    List<DiscordMessage.FileOut> files = new ArrayList<>(out.files);
    if (cut) {
      notes.add(
          "*"
              + words.say(
                  "team-reply-cut", reply.lang(), "platform", "Discord", "file", REPORT_NAME)
              + "*");
      files.add(
          new DiscordMessage.FileOut(
              REPORT_NAME, reply.plainText().getBytes(StandardCharsets.UTF_8)));
    }
    return new DiscordMessage(
        clip(String.join("\n", notes), MAX_CONTENT),
        embeds,
        ActionRow.partitionOf(out.buttons),
        files);
  }

  private void add(Block b, Out out, String lang) {
    if (b instanceof Block.Text t) {
      out.addText(clean(t.markdown()));
    } else if (b instanceof Block.Choices c) {
      out.addText(clean(c.prompt()));
      for (Block.Choice ch : c.choices()) {
        addButton(ch, out);
      }
    } else if (b instanceof Block.Step s) {
      out.flushText();
      out.drafts.add(step(s));
    } else if (b instanceof Block.FindingCard f) {
      out.flushText();
      out.drafts.add(finding(f, lang));
    } else if (b instanceof Block.FileStatus f) {
      out.addText(FILE_STATUS.render(f));
    } else if (b instanceof Block.Image i) {
      out.files.add(new DiscordMessage.FileOut(pngName(i.fileName()), i.png()));
    } else if (b instanceof Block.Attachment a) {
      out.files.add(new DiscordMessage.FileOut(a.fileName(), a.content()));
    } else if (b instanceof Block.LessonFiles l) {
      addLessonFiles(l, out, lang);
    }
  }

  /**
   * Buttons carry the engine's action in their custom id; one Discord refuses (too long, a
   * duplicate, past 25) is left out and the reply counts as cut, so the report names it.
   */
  private static void addButton(Block.Choice ch, Out out) {
    String id = ACTION_PREFIX + ch.action();
    if (id.length() > MAX_BUTTON_ID
        || out.buttons.size() >= MAX_BUTTONS_PER_ROW * MAX_ROWS
        || !out.buttonIds.add(id)) {
      out.cut = true;
      return;
    }
    out.buttons.add(Button.secondary(id, clip(clean(ch.label()), MAX_BUTTON_LABEL)));
  }

  private static Draft step(Block.Step s) {
    StringBuilder d = new StringBuilder(clean(s.why()));
    for (String how : s.how()) {
      d.append("\n- ").append(clean(how));
    }
    boolean cut = d.length() > MAX_DESCRIPTION;
    EmbedBuilder e =
        new EmbedBuilder()
            .setColor(STEP_COLOR)
            .setTitle(
                clip(stateMark(s.state()) + " " + s.order() + ". " + clean(s.title()), MAX_TITLE))
            .setDescription(clip(d.toString(), MAX_DESCRIPTION));
    return new Draft(e, cut);
  }

  private Draft finding(Block.FindingCard f, String lang) {
    boolean[] cut = {false};
    EmbedBuilder e =
        new EmbedBuilder()
            .setColor(FINDING_COLOR)
            .setTitle(clip(f.rank() + ". " + clean(f.title()), MAX_TITLE))
            .setDescription(clipped(clean(f.explanation()), MAX_DESCRIPTION, cut));
    e.addField(say("team-field-code", lang), "`" + f.code() + "`", true);
    e.addField(
        say("team-field-confidence", lang), f.tier() + " · " + f.confidencePercent() + "%", true);
    e.addField(
        say("team-field-device", lang),
        f.device() == null ? "-" : clip(clean(f.device()), MAX_FIELD_VALUE),
        true);
    if (f.causedBy() != null) {
      e.addField(say("team-field-caused-by", lang), "`" + f.causedBy() + "`", true);
    }
    List<String> evidence =
        f.evidence().stream()
            .map(
                ev ->
                    "- "
                        + clean(ev.where())
                        + (ev.time() == null ? "" : " `" + ev.time() + "`")
                        + ": "
                        + clean(ev.note()))
            .toList();
    addFields(e, say("team-field-evidence", lang), evidence, lang, cut);
    List<String> rivals =
        f.ruledOut().stream()
            .map(
                r ->
                    "- "
                        + clean(r.text())
                        + (r.where().isEmpty()
                            ? ""
                            : " *" + clean(String.join("; ", r.where())) + "*"))
            .toList();
    addFields(e, say("team-field-ruled-out", lang), rivals, lang, cut);
    List<String> fix = new ArrayList<>();
    for (int i = 0; i < f.fix().size(); i++) {
      fix.add((i + 1) + ". " + clean(f.fix().get(i)));
    }
    addFields(e, say("team-field-fix", lang), fix, lang, cut);
    return new Draft(e, cut[0]);
  }

  /**
   * Lines as fields of at most 1,024 characters each, the first named, the next "(continued)"; past
   * 25 fields the rest is cut.
   */
  private void addFields(
      EmbedBuilder e, String name, List<String> lines, String lang, boolean[] cut) {
    if (lines.isEmpty()) {
      return;
    }
    String continued = say("team-field-continued", lang, "name", name);
    for (String part : ChatText.split(String.join("\n", lines), MAX_FIELD_VALUE)) {
      String value = clipped(part, MAX_FIELD_VALUE, cut);
      if (e.getFields().size() >= MAX_FIELDS
          || e.length() + continued.length() + value.length() > MAX_EMBED_TOTAL) {
        cut[0] = true;
        return;
      }
      e.addField(
          e.getFields().stream().anyMatch(x -> name.equals(x.getName())) ? continued : name,
          value,
          false);
    }
  }

  private String say(String key, String lang, Object... values) {
    return words.say(key, lang, values);
  }

  /**
   * A lesson's files are attached (a Discord user has no path on regdoc's machine); the text names
   * them, and says which could not be attached.
   */
  private void addLessonFiles(Block.LessonFiles l, Out out, String lang) {
    List<String> missing = new ArrayList<>();
    for (String name : l.files()) {
      Optional<byte[]> content = lessonFiles.apply(l.lesson(), name).flatMap(EmbedRenderer::read);
      if (content.isPresent()) {
        out.files.add(new DiscordMessage.FileOut(name, content.get()));
      } else {
        missing.add(name);
      }
    }
    String names =
        l.files().stream()
            .map(f -> "`" + DisplayNames.clean(f) + "`")
            .collect(Collectors.joining(" · "));
    out.notes.add(
        "📎 "
            + names
            + (missing.isEmpty()
                ? ""
                : "\n*"
                    + say("team-not-attached", lang, "files", clean(String.join(", ", missing)))
                    + "*"));
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

  private static String stateMark(String state) {
    if ("done".equals(state)) {
      return "✅";
    } else if ("skipped".equals(state)) {
      return "⏩";
    }
    return "⬜";
  }

  private static String pngName(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".png") ? name : name + ".png";
  }

  private static String clipped(String s, int max, boolean[] cut) {
    if (s.length() > max) {
      cut[0] = true;
    }
    return clip(s, max);
  }

  static String clip(String s, int max) {
    return ChatText.clip(s, max);
  }

  /**
   * Text as Discord shows it: the engine's Markdown subset is Discord's own. (Mentions in it never
   * ping: {@link JdaPort} allows none.)
   */
  static String clean(String s) {
    return s == null ? "" : DisplayNames.cleanText(s);
  }
}
