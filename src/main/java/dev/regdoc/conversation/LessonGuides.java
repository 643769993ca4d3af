package dev.regdoc.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regdoc.knowledge.Aliases;
import dev.regdoc.knowledge.KnowledgeYaml;
import dev.regdoc.knowledge.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The teaching texts of the knowledge base ({@code teaching/}): per lesson the key points of each
 * question with their phrasings, a hint, and the find-the-frame exercises; and the words a
 * learner's answer is read with ({@code teaching/words.yaml}). Loaded once; a file that lacks a
 * language or a field stops loading with its name and the place.
 */
public final class LessonGuides {
  static final String DIR = "teaching";
  static final String WORDS = "words.yaml";
  static final String LOOK_ALIKES = "look-alikes.yaml";
  private final Map<String, LessonGuide> guides;
  private final LearnerWords words;
  private final LookAlikes lookAlikes;

  private LessonGuides(Map<String, LessonGuide> guides, LearnerWords words, LookAlikes lookAlikes) {
    this.guides = guides;
    this.words = words;
    this.lookAlikes = lookAlikes;
  }

  /** No guides and no words: every answer is only shown its model answer. */
  public static LessonGuides none() {
    return new LessonGuides(
        Map.of(),
        new LearnerWords(List.of(), new Aliases(List.of(), List.of()), NegationScope.Words.none()),
        LookAlikes.none());
  }

  public static LessonGuides load(Path kbDir) {
    Path dir = kbDir.resolve(DIR);
    if (!Files.isDirectory(dir)) {
      return none();
    }
    try (Stream<Path> s = Files.list(dir)) {
      Map<String, LessonGuide> guides = new HashMap<>();
      LearnerWords words = none().words;
      LookAlikes lookAlikes = LookAlikes.none();
      for (Path f : s.sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".yaml")) {
          continue;
        }
        JsonNode root = KnowledgeYaml.readTree(f);
        Place at = new Place(DIR + "/" + name);
        if (WORDS.equals(name)) {
          words = words(root, at);
        } else if (LOOK_ALIKES.equals(name)) {
          lookAlikes = lookAlikes(root, at);
        } else {
          LessonGuide g = guide(root, at);
          guides.put(g.lesson(), g);
        }
      }
      return new LessonGuides(Map.copyOf(guides), words, lookAlikes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
  }

  Optional<LessonGuide> of(String lesson) {
    return Optional.ofNullable(guides.get(lesson));
  }

  LearnerWords words() {
    return words;
  }

  LookAlikes lookAlikes() {
    return lookAlikes;
  }

  /** A lesson's teaching texts: one entry per question of its case study, and its exercises. */
  record LessonGuide(String lesson, List<QuestionGuide> questions, List<Exercise> exercises) {}

  /** What a good answer to one question says, and the hint for "I don't know". */
  record QuestionGuide(Text hint, List<KeyPoint> points) {}

  /**
   * One thing a good answer says: the sentence for an answer that made it and for one that did not,
   * and the phrasings (each a few words that must all appear) that count as making it.
   */
  record KeyPoint(String id, Text covered, Text missed, Aliases phrasings) {}

  /**
   * A question answered from the lesson's captures, checked against regdoc's analysis of them.
   *
   * @param measure "frame" (the frame itself) or "retransmission-delay" (seconds from that frame to
   *     its last retransmission)
   * @param finding the finding whose evidence holds the frame
   * @param note the evidence note that marks it
   * @param pick "first" or "last" of the frames cited with that note
   * @param tolerance how far a number may be off and still be right
   */
  record Exercise(
      String id,
      String measure,
      Text ask,
      Text hint,
      Text explain,
      String finding,
      String note,
      String file,
      String pick,
      double tolerance) {
    boolean isFrame() {
      return "frame".equals(measure);
    }
  }

  /**
   * Synonym groups (the first word of each stands for it), the answers that mean "I don't know",
   * and the words that turn a point around.
   */
  record LearnerWords(
      List<List<String>> synonyms, Aliases dontKnow, NegationScope.Words negation) {}

  private static LearnerWords words(JsonNode root, Place at) {
    List<List<String>> groups = new ArrayList<>();
    for (JsonNode g : root.path("synonyms")) {
      List<String> members = strings(g);
      if (members.isEmpty()) {
        throw at.problem("synonyms: an empty group");
      }
      groups.add(members);
    }
    return new LearnerWords(
        List.copyOf(groups),
        aliases(root.path("dont_know"), at.in("dont_know")),
        negation(root.path("negation"), at.in("negation")));
  }

  /** The look-alike pairs: each fault of a pair needs its phrasings and its model answer. */
  private static LookAlikes lookAlikes(JsonNode root, Place at) {
    Map<String, Aliases> names = new LinkedHashMap<>();
    root.path("faults")
        .fields()
        .forEachRemaining(
            e -> names.put(e.getKey(), aliases(e.getValue(), at.in("faults: " + e.getKey()))));
    List<LookAlikes.Pair> pairs = new ArrayList<>();
    int i = 0;
    for (JsonNode p : root.path("pairs")) {
      Place pa = at.in("pairs[" + i++ + "]");
      List<String> faults = strings(p.path("faults"));
      if (faults.size() != 2 || faults.get(0).equals(faults.get(1))) {
        throw pa.problem("faults must name two different faults");
      }
      Map<String, Text> answers = new LinkedHashMap<>();
      for (String f : faults) {
        if (!names.containsKey(f)) {
          throw pa.problem(f + " has no phrasings under faults");
        }
        answers.put(f, text(p.path("answers"), f, pa.in("answers")));
      }
      JsonNode d = p.path("decides");
      pairs.add(
          new LookAlikes.Pair(
              faults.get(0),
              faults.get(1),
              text(p, "tells", pa),
              text(d, "file", pa.in("decides")),
              aliases(d.path("phrasings"), pa.in("decides: phrasings")),
              Map.copyOf(answers)));
    }
    return new LookAlikes(Map.copyOf(names), List.copyOf(pairs));
  }

  private static NegationScope.Words negation(JsonNode n, Place at) {
    if (n.isMissingNode()) {
      return NegationScope.Words.none();
    }
    return new NegationScope.Words(
        aliases(n.path("words"), at.in("words")),
        aliases(n.path("conditional"), at.in("conditional")),
        aliases(n.path("not_negation"), at.in("not_negation")),
        aliases(n.path("clause_breaks"), at.in("clause_breaks")));
  }

  private static LessonGuide guide(JsonNode root, Place at) {
    String lesson = required(root, "lesson", at);
    List<QuestionGuide> questions = new ArrayList<>();
    int i = 0;
    for (JsonNode q : root.path("questions")) {
      Place qa = at.in("questions[" + i++ + "]");
      List<KeyPoint> points = new ArrayList<>();
      for (JsonNode p : q.path("points")) {
        Place pa = qa.in("point " + p.path("id").asText("?"));
        points.add(
            new KeyPoint(
                required(p, "id", pa),
                text(p, "covered", pa),
                text(p, "missed", pa),
                aliases(p.path("phrasings"), pa.in("phrasings"))));
      }
      if (points.isEmpty()) {
        throw qa.problem("no points");
      }
      questions.add(new QuestionGuide(text(q, "hint", qa), List.copyOf(points)));
    }
    List<Exercise> exercises = new ArrayList<>();
    for (JsonNode e : root.path("exercises")) {
      Place ea = at.in("exercise " + e.path("id").asText("?"));
      JsonNode answer = e.path("answer");
      String measure = required(e, "measure", ea);
      if (!"frame".equals(measure) && !"retransmission-delay".equals(measure)) {
        throw ea.problem("measure must be frame or retransmission-delay, not " + measure);
      }
      exercises.add(
          new Exercise(
              required(e, "id", ea),
              measure,
              text(e, "ask", ea),
              text(e, "hint", ea),
              text(e, "explain", ea),
              required(answer, "finding", ea.in("answer")),
              required(answer, "note", ea.in("answer")),
              required(answer, "file", ea.in("answer")),
              answer.path("pick").asText("first"),
              e.path("tolerance").asDouble(0)));
    }
    return new LessonGuide(lesson, List.copyOf(questions), List.copyOf(exercises));
  }

  private static Text text(JsonNode node, String field, Place at) {
    JsonNode t = node.path(field);
    String en = t.path("en").asText("");
    String ja = t.path("ja").asText("");
    if (en.isBlank() || ja.isBlank()) {
      throw at.problem(field + " needs both en and ja");
    }
    return new Text(en, ja);
  }

  private static Aliases aliases(JsonNode node, Place at) {
    List<String> en = strings(node.path("en"));
    List<String> ja = strings(node.path("ja"));
    if (en.isEmpty() || ja.isEmpty()) {
      throw at.problem("needs phrasings in both en and ja");
    }
    return new Aliases(en, ja);
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String required(JsonNode node, String field, Place at) {
    String v = node.path(field).asText("");
    if (v.isBlank()) {
      throw at.problem(field + " is missing");
    }
    return v;
  }

  /** Where in the teaching files a problem is, for the message that stops loading. */
  private record Place(String where) {
    Place in(String part) {
      return new Place(where + ": " + part);
    }

    IllegalStateException problem(String what) {
      return new IllegalStateException(where + ": " + what);
    }
  }
}
