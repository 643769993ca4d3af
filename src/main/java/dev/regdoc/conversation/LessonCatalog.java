package dev.regdoc.conversation;

import dev.regdoc.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lessons "teach me" offers, in order: the knowledge base's case studies, then one lesson per
 * fault whose files ship in the lessons folder ({@code fault-<code>/}, a finding the knowledge base
 * knows), by code.
 */
final class LessonCatalog {
  private final Map<String, Lesson> caseStudies = new LinkedHashMap<>();
  private final Map<String, Lesson> faults = new LinkedHashMap<>();

  LessonCatalog(KnowledgeBase kb, LessonGuides guides, LessonKit kit) {
    kb.caseStudies()
        .forEach(c -> caseStudies.put(c.id(), new CaseStudyLesson(c, guides.of(c.id()), kit)));
    for (String folder : kit.library.folders()) {
      FaultLesson.codeOf(folder)
          .filter(code -> kb.finding(code).isPresent())
          .ifPresent(
              code ->
                  faults.put(
                      folder, new FaultLesson(code, faults.size() + 1, guides.lookAlikes(), kit)));
    }
  }

  List<String> caseStudyIds() {
    return List.copyOf(caseStudies.keySet());
  }

  List<String> faultIds() {
    return List.copyOf(faults.keySet());
  }

  Optional<Lesson> lesson(String id) {
    return Optional.ofNullable(caseStudies.get(id)).or(() -> Optional.ofNullable(faults.get(id)));
  }

  List<Lesson> all() {
    List<Lesson> out = new ArrayList<>(caseStudies.values());
    out.addAll(faults.values());
    return out;
  }
}
