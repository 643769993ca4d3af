package dev.regdoc.conversation;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.analysis.FindingTexts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every lesson works with: the phrases, the lessons' files, and regdoc's own analysis of them,
 * made once per lesson (the files never change).
 */
final class LessonKit {
  final Phrases say;
  final LessonLibrary library;
  final CaseAnalysis analysis;
  final FindingTexts texts;
  private final Map<String, Analysis> analysed = new ConcurrentHashMap<>();

  LessonKit(Phrases say, LessonLibrary library, CaseAnalysis analysis, FindingTexts texts) {
    this.say = say;
    this.library = library;
    this.analysis = analysis;
    this.texts = texts;
  }

  /** The lesson's files on this machine, sorted by name. */
  List<Path> files(String lesson) {
    return library.files(lesson).stream().flatMap(f -> library.file(lesson, f).stream()).toList();
  }

  /** regdoc's analysis of the lesson's files. */
  Analysis analysisOf(String lesson) {
    return analysed.computeIfAbsent(lesson, id -> analysis.analyseFiles(files(id)));
  }

  /** Names the lesson's files, which each front end offers its own way. */
  void offerFiles(Turn t, String lesson) {
    List<String> files = library.files(lesson);
    if (!files.isEmpty()) {
      t.say(say.get("lesson-files", t.lang));
      t.add(new Block.LessonFiles(lesson, files));
    }
  }

  /** regdoc's own findings on the lesson's files, as the cards of a case's answer. */
  void showAnalysis(Turn t, String lesson) {
    if (!library.files(lesson).isEmpty()) {
      t.say(say.get("lesson-analysis", t.lang));
      analysis.cards().cards(analysisOf(lesson), t.lang.key(), 3).forEach(t::add);
    }
  }

  static String bullets(List<String> lines) {
    return String.join("\n", lines.stream().map(x -> "- " + x).toList());
  }
}
