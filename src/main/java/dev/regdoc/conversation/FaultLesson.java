package dev.regdoc.conversation;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.conversation.LessonGuides.Exercise;
import dev.regdoc.conversation.LessonGuides.KeyPoint;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.knowledge.Lang;
import dev.regdoc.knowledge.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A fault the rules know, taught on the files of one of its fixtures (shipped in {@code
 * lessons/fault-<code>/}): for each look-alike it has, which of the two the files show and which
 * file decides; then the frame regdoc's rule cites first as its proof; then regdoc's analysis and
 * what tells the look-alikes apart. Every text comes from the knowledge base: the fault's and its
 * look-alikes' names and the evidence note from the findings' files, the rest from {@code
 * teaching/look-alikes.yaml} and the chat phrases.
 */
final class FaultLesson extends StepsBuiltOnce {
  static final String PREFIX = "fault-";
  private static final String PROOF = "proof-frame";
  private final String code;
  private final int number;
  private final List<LookAlikes.Pair> pairs;
  private final LookAlikes lookAlikes;
  private final LessonKit kit;

  /**
   * @param number the lesson's place among the fault lessons, from 1: it tells apart two lessons of
   *     one pair, whose titles name the same faults
   */
  FaultLesson(String code, int number, LookAlikes lookAlikes, LessonKit kit) {
    this.code = code;
    this.number = number;
    this.pairs = lookAlikes.of(code);
    this.lookAlikes = lookAlikes;
    this.kit = kit;
  }

  /** The fault a lesson folder teaches, when it is a fault's. */
  static Optional<String> codeOf(String lessonId) {
    return lessonId.startsWith(PREFIX) && lessonId.length() > PREFIX.length()
        ? Optional.of(lessonId.substring(PREFIX.length()))
        : Optional.empty();
  }

  @Override
  public String id() {
    return PREFIX + code;
  }

  /**
   * "Which is it: A / B?" over the fault and its look-alikes, in a fixed order that tells nothing.
   */
  @Override
  public String title(Lang lang) {
    if (pairs.isEmpty()) {
      return kit.say.get("lesson-fault-title-alone", lang, "n", number, "name", name(code, lang));
    }
    TreeSet<String> codes = new TreeSet<>();
    codes.add(code);
    pairs.forEach(p -> codes.add(p.other(code)));
    String separator = kit.say.get("lesson-fault-separator", lang);
    return kit.say.get(
        "lesson-fault-title",
        lang,
        "n",
        number,
        "names",
        String.join(separator, codes.stream().map(c -> name(c, lang)).toList()));
  }

  @Override
  public void intro(Turn t) {
    t.say(kit.say.get("lesson-fault-intro", t.lang, "title", title(t.lang)));
    kit.offerFiles(t, id());
  }

  @Override
  protected List<LessonStep> build() {
    List<LessonStep> out = new ArrayList<>();
    pairs.forEach(p -> out.add(question(p)));
    proof(kit.analysisOf(id())).ifPresent(out::add);
    return List.copyOf(out);
  }

  /** Which of the two the files show, and which file decides: judged by two key points. */
  private LessonStep question(LookAlikes.Pair p) {
    String other = p.other(code);
    Text ask =
        both(
            l ->
                kit.say.get(
                    "lesson-lookalike-ask", l, "a", name(p.first(), l), "b", name(p.second(), l)));
    KeyPoint named =
        new KeyPoint(
            "named:" + p.id(),
            both(l -> kit.say.get("lesson-lookalike-named", l, "name", name(code, l))),
            both(l -> kit.say.get("lesson-lookalike-is", l, "name", name(code, l))),
            lookAlikes.names().get(code));
    Text decidesText =
        both(l -> kit.say.get("lesson-lookalike-decides", l, "file", p.decides().get(l)));
    KeyPoint decides =
        new KeyPoint(
            "decides:" + p.id(),
            both(l -> kit.say.get("lesson-lookalike-decides-named", l, "file", p.decides().get(l))),
            decidesText,
            p.decidesPhrasings());
    Text rivalNamed =
        both(
            l ->
                kit.say.get(
                    "lesson-lookalike-rival",
                    l,
                    "name",
                    name(other, l),
                    "tells",
                    p.tells().get(l)));
    KeyPoint rival =
        new KeyPoint("named:" + other, rivalNamed, rivalNamed, lookAlikes.names().get(other));
    return new LessonStep.Question(
        ask, p.tells(), List.of(named, decides), List.of(rival), p.answers().get(code));
  }

  /** The first frame the rule cites for the fault: the proof the learner finds in the capture. */
  private Optional<LessonStep> proof(Analysis a) {
    for (Finding f : a.findings()) {
      if (!f.code().equals(code)) {
        continue;
      }
      for (Evidence ev : f.evidence()) {
        if (ev.frames().isEmpty() || ev.file() == null) {
          continue;
        }
        String file = Path.of(ev.file()).getFileName().toString();
        Exercise e =
            new Exercise(
                PROOF,
                "frame",
                both(
                    l ->
                        kit.say.get(
                            "lesson-fault-frame-ask", l, "file", file, "note", note(ev, l))),
                both(
                    l ->
                        kit.say.get(
                            "lesson-fault-frame-hint", l, "file", file, "note", note(ev, l))),
                both(l -> kit.say.get("lesson-fault-frame-explain", l, "name", name(code, l))),
                code,
                ev.note(),
                file,
                "first",
                0);
        return ExerciseKey.of(a, e).map(k -> new LessonStep.Drill(e, k));
      }
    }
    return Optional.empty();
  }

  @Override
  public void conclude(Turn t) {
    kit.showAnalysis(t, id());
    if (!pairs.isEmpty()) {
      t.say(kit.say.get("lesson-key-points", t.lang));
      t.say(LessonKit.bullets(pairs.stream().map(p -> p.tells().get(t.lang)).toList()));
    }
  }

  private String name(String c, Lang lang) {
    return kit.texts.name(c, lang.key());
  }

  private String note(Evidence ev, Lang lang) {
    return kit.texts.note(ev, lang.key());
  }

  private static Text both(Function<Lang, String> text) {
    return new Text(text.apply(Lang.EN), text.apply(Lang.JA));
  }
}
