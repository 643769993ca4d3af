package dev.regdoc.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The short notes that say what a piece of evidence shows, keyed, in English and Japanese, with
 * {0}, {1}... filled by the values a rule passes: those several faults' rules cite in {@code
 * evidence-notes.yaml}, those of one fault in its {@code findings/<code>.yaml}. Validated on load;
 * a key defined twice is an error.
 */
public final class EvidenceNotes {
  public static final String NAME = "evidence-notes.yaml";

  private final Map<String, Text> notes;

  private EvidenceNotes(Map<String, Text> notes) {
    this.notes = notes;
  }

  public static EvidenceNotes load(Path dir) {
    List<String> problems = new ArrayList<>();
    Map<String, Text> notes =
        SlotTexts.read(SlotTexts.readFile(dir, NAME), NAME, "notes", "note", problems);
    for (FindingFiles.One f : FindingFiles.read(dir)) {
      SlotTexts.merge(
          notes,
          SlotTexts.optional(f.root(), f.name(), "notes", "note", problems),
          f.name(),
          "note",
          problems);
    }
    if (!problems.isEmpty()) {
      throw new KnowledgeBaseException(dir.toString(), problems);
    }
    return new EvidenceNotes(notes);
  }

  public boolean has(String key) {
    return notes.containsKey(key);
  }

  public Set<String> keys() {
    return notes.keySet();
  }

  /** The note in {@code lang} with its slots filled; an unknown key is shown as it is. */
  public String text(String key, List<String> args, Lang lang) {
    Text t = notes.get(key);
    if (t == null) {
      return key;
    }
    return SlotTexts.fill(t.get(lang), args);
  }
}
