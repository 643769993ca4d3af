package dev.regdoc.knowledge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the knowledge base from a directory of YAML files and validates it completely before
 * anything uses it. All problems are gathered and thrown together as one {@link
 * KnowledgeBaseException}.
 */
public final class KnowledgeBaseLoader {
  private KnowledgeBaseLoader() {}

  public static KnowledgeBase load(Path dir) {
    Problems problems = new Problems();
    if (!Files.isDirectory(dir)) {
      problems.add(dir.toString(), null, "not a directory");
      throw new KnowledgeBaseException("at " + dir, problems.all());
    }
    KbContent content =
        new KbContent(
            ReasonCodeFile.parse(read(dir, ReasonCodeFile.NAME, problems), problems),
            RestartCauseFile.parse(read(dir, RestartCauseFile.NAME, problems), problems),
            ChecklistFile.parse(read(dir, ChecklistFile.NAME, problems), problems),
            ConceptFile.parse(read(dir, ConceptFile.NAME, problems), problems),
            FindingFile.parse(FindingFiles.read(dir), problems),
            CaseStudyFile.parse(read(dir, CaseStudyFile.NAME, problems), problems));
    new KbValidator(problems).validate(content);
    if (!problems.isEmpty()) {
      throw new KnowledgeBaseException("at " + dir, problems.all());
    }
    return new KnowledgeBase(content);
  }

  /** The file's tree, or null after reporting why it could not be read. */
  private static JsonNode read(Path dir, String name, Problems problems) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      problems.add(name, null, "file is missing");
      return null;
    }
    try {
      JsonNode root = KnowledgeYaml.readTree(file);
      if (root == null || root.isMissingNode() || root.isNull()) {
        problems.add(name, null, "file is empty");
        return null;
      }
      return root;
    } catch (JacksonException e) {
      problems.add(name, null, "not valid YAML: " + e.getOriginalMessage() + locationOf(e));
      return null;
    } catch (IOException e) {
      problems.add(name, null, "cannot read: " + e.getMessage());
      return null;
    }
  }

  private static String locationOf(JacksonException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }
}
