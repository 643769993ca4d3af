package dev.regdoc.conversation;

import dev.regdoc.analysis.Analyzer;
import dev.regdoc.analysis.FindingTexts;
import dev.regdoc.common.DisplayNames;
import dev.regdoc.common.WholeNumbers;
import dev.regdoc.common.WorkStopped;
import dev.regdoc.conversation.store.AnalysisJobs;
import dev.regdoc.conversation.store.CaseRecord;
import dev.regdoc.conversation.store.CaseStore;
import dev.regdoc.conversation.store.ChatMessage;
import dev.regdoc.conversation.store.ConversationTurns;
import dev.regdoc.conversation.store.StaleCaseException;
import dev.regdoc.conversation.store.TurnLocks;
import dev.regdoc.conversation.store.UserProfile;
import dev.regdoc.knowledge.ChecklistStep;
import dev.regdoc.knowledge.KnowledgeAnswers;
import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.knowledge.Lang;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The regdoc conversation: opens cases from a described symptom, asks only for what it does not
 * know, walks the checklist, analyses uploads at once, answers knowledge-base questions and
 * teaches. Every turn is persisted in the {@link CaseStore} before the reply is returned, so a
 * restarted regdoc continues where it stopped.
 *
 * <p>Build it with {@code new ConversationEngine(kb, texts, analyzer, store, phrases, guides,
 * illustrator, settings, clock)}; the bot's launcher does this from the config.
 */
public final class ConversationEngine implements ChatEngine {
  private static final Logger LOG = LoggerFactory.getLogger(ConversationEngine.class);
  private final EngineParts parts;
  private final IntentParser parser = new IntentParser();
  private final Intake intake;
  private final CaseAnalysis analysis;
  private final Teacher teacher;
  private final LearnerProgress progress;
  private final LessonLibrary lessons;
  private final KnowledgeAnswers answers;
  private final ConversationLocks locks = new ConversationLocks();
  private final Counter turns = Metrics.counter("regdoc.turns");
  private volatile JobWorker jobs;

  /**
   * The queued chat turns without files, on workers of their own (see {@link #serveQueuedTurns}).
   */
  private volatile JobWorker turnJobs;

  /** How many queued turns without files one instance runs at once: they only read and post. */
  private static final int TURN_WORKERS = 4;

  /** The greeting's lesson button: the command itself, understood in either language. */
  private static final String TEACH_ME = "teach me";

  public ConversationEngine(
      KnowledgeBase kb,
      FindingTexts texts,
      Analyzer analyzer,
      CaseStore store,
      Phrases phrases,
      LessonGuides guides,
      Illustrator illustrator,
      EngineSettings settings,
      Clock clock) {
    ChecklistGuide checklist = new ChecklistGuide(kb, phrases);
    this.parts =
        new EngineParts(
            kb, texts, analyzer, store, phrases, checklist, illustrator, settings, clock);
    this.intake = new Intake(phrases, checklist);
    this.analysis = new CaseAnalysis(parts);
    this.lessons = new LessonLibrary(settings.lessonCaptures());
    this.teacher = new Teacher(parts, analysis, lessons, guides);
    this.progress = new LearnerProgress(store, phrases, teacher, settings.teams());
    this.answers = new KnowledgeAnswers(kb);
  }

  @Override
  public long maxUploadBytes() {
    return parts.settings().maxUploadBytes();
  }

  @Override
  public boolean hasCase(String conversation) {
    return parts.store().caseOfConversation(conversation).isPresent();
  }

  /**
   * Takes part in the analysis queue of a shared (PostgreSQL) store as {@code instanceId}, running
   * analyses.parallel queued turns at once; does nothing on a store no other instance shares.
   */
  public synchronized void shareAnalyses(String instanceId, Duration lease) {
    if (jobs == null) {
      parts
          .store()
          .jobs()
          .ifPresent(
              q -> {
                jobs =
                    new JobWorker(
                        q,
                        parts.store(),
                        instanceId,
                        lease,
                        parts.settings().parallelAnalyses(),
                        "regdoc.analyses");
                turnJobs =
                    new JobWorker(
                        q, parts.store(), instanceId, lease, TURN_WORKERS, "regdoc.queued.turns");
              });
    }
  }

  /**
   * Stops taking queued turns; the jobs running now go back to the queue, unanswered, for another
   * instance to take at once. Returns how many analyses went back.
   */
  public synchronized int stopSharing() {
    int given = 0;
    if (jobs != null) {
      given = jobs.release();
      turnJobs.release(); // each turn given back is logged; the count says analyses
      jobs = null;
      turnJobs = null;
    }
    return given;
  }

  /**
   * Stops taking queued turns as a crashed instance would: the jobs it holds wait out their lease.
   */
  public synchronized void abandonSharing() {
    if (jobs != null) {
      jobs.abandon();
      turnJobs.abandon();
      jobs = null;
      turnJobs = null;
    }
  }

  @Override
  public OptionalLong enqueue(Incoming in, String frontEnd, String replyTo) {
    JobWorker w = jobs;
    if (w == null) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(w.enqueue(in, frontEnd, replyTo));
  }

  @Override
  public boolean sharesQueue() {
    return jobs != null;
  }

  @Override
  public OptionalLong enqueueOnce(Incoming in, String frontEnd, String replyTo, String eventKey) {
    JobWorker w = jobs;
    JobWorker turns = turnJobs;
    if (w == null) {
      return OptionalLong.empty();
    }
    // queued through the worker that runs it, so that it is woken at once
    return (turns != null && turns.serves(frontEnd) ? turns : w)
        .enqueue(in, frontEnd, replyTo, eventKey);
  }

  @Override
  public Optional<QueuedAnswer> queuedAnswer(long job) {
    return parts.store().jobs().flatMap(q -> q.answerOf(job)).map(ConversationEngine::asQueued);
  }

  @Override
  public List<QueuedAnswer> queuedAnswers(String conversation) {
    return parts.store().jobs().map(q -> q.answersOf(conversation)).orElse(List.of()).stream()
        .map(ConversationEngine::asQueued)
        .toList();
  }

  private static QueuedAnswer asQueued(AnalysisJobs.Answer a) {
    return new QueuedAnswer(a.id(), a.state(), a.json());
  }

  @Override
  public Optional<ConversationTurns> conversationTurns() {
    return parts.store().conversationTurns();
  }

  @Override
  public void serveQueued(String frontEnd, QueuedTurns handler) {
    JobWorker w = jobs;
    if (w != null) {
      w.serve(frontEnd, handler);
    }
  }

  @Override
  public void serveQueuedTurns(String frontEnd, QueuedTurns handler) {
    JobWorker w = turnJobs;
    if (w != null) {
      w.serve(frontEnd, handler);
    }
  }

  @Override
  public boolean firstDelivery(String key) {
    return parts.store().firstDelivery(key, parts.clock().instant());
  }

  @Override
  public boolean firstDelivery(String key, String by) {
    return parts.store().firstDelivery(key, by, parts.clock().instant());
  }

  @Override
  public Optional<String> joinCode(String conversation) {
    return parts.store().caseOfConversation(conversation).flatMap(this::joinCode);
  }

  @Override
  public Optional<Path> lessonFile(String lesson, String file) {
    return lessons.file(lesson, file);
  }

  @Override
  public Optional<Path> lessonFolder(String lesson) {
    return lessons.folder(lesson);
  }

  @Override
  public Reply greeting(String langHint) {
    Lang lang = Lang.fromTag(langHint == null ? "" : langHint).orElse(Lang.EN);
    Phrases say = parts.phrases();
    return new Reply.Builder()
        .text(say.get("greeting", lang))
        .add(
            new Block.Choices(
                say.get("greeting-try", lang),
                List.of(
                    // an action that is not a button id is handled as the text it holds
                    new Block.Choice(
                        say.get("greeting-example", lang), say.get("greeting-example", lang)),
                    new Block.Choice(TEACH_ME, say.get("greeting-teach", lang)))))
        .build(lang.key(), 0);
  }

  @Override
  public Map<String, String> pageWords(String lang) {
    return parts.phrases().page(Lang.fromTag(lang == null ? "" : lang).orElse(Lang.EN));
  }

  private Optional<String> joinCode(long caseId) {
    return parts.store().joinToken(caseId).map(token -> caseId + "-" + token);
  }

  @Override
  public Reply handle(Incoming in, ProgressSink progress) {
    turns.increment();
    try (TurnLocks.Held here = locks.hold(in.conversation());
        TurnLocks.Held everywhere = parts.store().turnLocks().hold(in.conversation())) {
      return turn(in, progress);
    } catch (WorkStopped e) {
      // cancelled by the front end (its turn timed out): the analysis let go of its slot on the way
      // out
      LOG.info("turn cancelled in {}: {}", in.conversation(), e.getMessage());
      Lang lang = Languages.detect(in.text()).orElse(Lang.EN);
      return new Reply.Builder().text(parts.phrases().get("error", lang)).build(lang.key(), 0);
    } catch (RuntimeException e) {
      LOG.error("turn failed in {}", in.conversation(), e);
      Lang lang = Languages.detect(in.text()).orElse(Lang.EN);
      return new Reply.Builder().text(parts.phrases().get("error", lang)).build(lang.key(), 0);
    }
  }

  @Override
  public String language(Incoming in) {
    CaseStore store = parts.store();
    return language(in, profile(store, in), caseOf(store, in)).key();
  }

  @Override
  public String phrase(String key, String lang, Object... values) {
    return parts.phrases().get(key, Lang.fromTag(lang).orElse(Lang.EN), values);
  }

  private static UserProfile profile(CaseStore store, Incoming in) {
    return store.user(in.user()).orElse(new UserProfile(in.user(), null, Map.of()));
  }

  private static Optional<CaseRecord> caseOf(CaseStore store, Incoming in) {
    return store.caseOfConversation(in.conversation()).flatMap(store::findCase);
  }

  /** The platform's language of this turn, else the one it last told for the user. */
  private static Lang language(Incoming in, UserProfile profile, Optional<CaseRecord> rec) {
    return Languages.choose(
        profile.lang(),
        in.text(),
        in.langHint() != null ? in.langHint() : profile.platformLang(),
        rec.map(CaseRecord::lang).orElse(null));
  }

  private Reply turn(Incoming in, ProgressSink progress) {
    CaseStore store = parts.store();
    UserProfile profile = profile(store, in);
    Optional<CaseRecord> rec = caseOf(store, in);
    Lang lang = language(in, profile, rec);
    Turn t = new Turn(in, progress, lang, rec.map(CaseState::new).orElse(null), profile);
    if (t.caseState != null) {
      remember(t, false, userLine(in));
    }
    dispatch(t);
    if (t.caseState != null) {
      save(t);
    }
    if (!t.profile().equals(profile)) {
      store.saveUser(t.profile());
    }
    Reply reply = t.reply.build(t.lang.key(), t.caseState == null ? 0 : t.caseState.id);
    if (t.caseState != null) {
      remember(t, true, reply.plainText());
    }
    return reply;
  }

  private void dispatch(Turn t) {
    if (t.in.action() != null) {
      action(t, t.in.action());
    } else if (!t.in.uploads().isEmpty()) {
      upload(t);
    } else {
      text(t, t.in.text());
    }
  }

  private void upload(Turn t) {
    if (t.caseState == null) {
      open(t, t.in.text());
    } else if (!t.in.text().isBlank()) {
      Intake.absorb(t.caseState, t.in.text());
    }
    analysis.upload(t);
  }

  private void action(Turn t, String action) {
    String[] p = action.split(":", 3);
    switch (p[0]) {
      case "step" -> withCase(t, () -> stepButton(t, p));
      case "protocol" -> withCase(t, () -> intake.protocol(t, p[1]));
      case "skip" -> withCase(t, () -> intake.answer(t, "", true));
      case "lesson" -> lessonAction(t, p[1]);
      case "files" -> filesNotRead(t, p.length > 1 ? p[1] : "", p.length > 2 ? p[2] : "");
      default -> text(t, action);
    }
  }

  /**
   * A front end reading local files tells what it did not read, {@code
   * files:<missing|refused|declined|ask>:<names>}, or {@code files:closest:<typed>|<existing>} for
   * a path that names no file and the existing name closest to it; "ask" puts the yes/no question
   * whose answer the front end acts on.
   */
  private void filesNotRead(Turn t, String what, String names) {
    String files = DisplayNames.clean(names);
    switch (what) {
      case "missing" -> t.say(parts.phrases().get("read-missing", t.lang, "files", files));
      case "closest" -> {
        int bar = files.lastIndexOf('|');
        t.say(
            parts
                .phrases()
                .get(
                    "read-missing-closest",
                    t.lang,
                    "file",
                    bar < 0 ? files : files.substring(0, bar),
                    "closest",
                    bar < 0 ? "" : files.substring(bar + 1)));
      }
      case "refused" -> t.say(parts.phrases().get("read-refused", t.lang, "files", files));
      case "ask" -> {
        t.say(parts.phrases().get("read-outside-ask", t.lang, "files", files));
        t.add(
            new Block.Choices(
                null,
                List.of(
                    new Block.Choice("files:yes", parts.phrases().get("choice-yes", t.lang)),
                    new Block.Choice("files:no", parts.phrases().get("choice-no", t.lang)))));
      }
      default -> t.say(parts.phrases().get("read-declined", t.lang, "files", files));
    }
  }

  /**
   * A step's button, {@code step:done|skip|how:<step id>}: the same as saying it with the step's
   * number.
   */
  private void stepButton(Turn t, String[] action) {
    Intent.Kind kind =
        "how".equals(action[1])
            ? Intent.Kind.STEP_HOW
            : "done".equals(action[1]) ? Intent.Kind.STEP_DONE : Intent.Kind.STEP_SKIP;
    parts
        .kb()
        .checklistStep(action.length > 2 ? action[2] : "")
        .ifPresent(s -> parts.checklist().act(t, s, kind));
  }

  private void lessonAction(Turn t, String what) {
    switch (what) {
      case "stop" -> teacher.stop(t);
      case "next" -> {
        if (teacher.inLesson(t)) {
          teacher.skip(t);
        } else {
          teacher.menu(t);
        }
      }
      default -> teacher.start(t, what);
    }
  }

  private void text(Turn t, String text) {
    Intent intent = parser.parse(text);
    if (teacher.inLesson(t) && !intent.kind().leavesLesson()) {
      teacher.answer(t, text);
    } else if (t.caseState != null && intake.asking(t.caseState) && answersQuestion(intent)) {
      intake.answer(t, text, intent.kind() == Intent.Kind.SKIP);
    } else {
      command(t, intent, text);
    }
  }

  /** While the case waits on a question, anything that is not a command is the answer. */
  private static boolean answersQuestion(Intent i) {
    return i.kind() == Intent.Kind.NONE || i.kind() == Intent.Kind.SKIP;
  }

  private void command(Turn t, Intent intent, String text) {
    Phrases say = parts.phrases();
    switch (intent.kind()) {
      case HELP -> t.say(say.get("help", t.lang));
      case NEW_CASE ->
          open(
              t,
              text.replaceFirst(
                  "(?i)^(new case|open (a )?(new )?case|start (a )?(new )?case)[:,]?", ""));
      case JOIN_CASE -> join(t, intent.arg());
      case CHECKLIST -> withCase(t, () -> parts.checklist().overview(t));
      case FINDINGS -> withCase(t, () -> analysis.showFindings(t));
      case DEVICE_FINDINGS -> withCase(t, () -> analysis.showFindings(t, intent.arg()));
      case STEP_DONE, STEP_SKIP, STEP_HOW -> withCase(t, () -> stepByNumber(t, intent));
      case TIMELINE -> withCase(t, () -> analysis.timeline(t, device(intent.arg(), t)));
      case TEACH -> teacher.teachMe(t);
      case PROGRESS -> progress.show(t, intent.arg());
      case STOP_LESSON -> teacher.stop(t);
      case LANG -> setLang(t, IntentParser.langOf(intent.arg()));
      case REASON -> knowledge(t, List.of("reason", intent.arg()));
      case SIP_STATUS -> knowledge(t, List.of("sip", intent.arg()));
      case RESTART -> knowledge(t, List.of("restart", intent.arg()));
      case SKIP, NONE -> free(t, text);
    }
  }

  /**
   * Text no pattern claimed: a problem description opens a case, a question is looked up, otherwise
   * help.
   */
  private void free(Turn t, String text) {
    Optional<String> concept =
        parts.kb().findConcept(text, t.lang).map(c -> answers.concept(c, t.lang));
    boolean problem = CaseDetails.describesProblem(text);
    if (concept.isPresent() && (looksLikeQuestion(text) || !problem)) {
      t.say(concept.get());
    } else if (problem && opensNewCase(t.caseState, text)) {
      open(t, text);
    } else if (problem) {
      Intake.absorb(t.caseState, text);
      intake.askNext(t);
    } else {
      t.say(parts.phrases().get("not-understood", t.lang));
      t.say(parts.phrases().get("help", t.lang));
    }
  }

  /**
   * A problem description opens a new case when there is none, its phone is not known yet, or the
   * text names another phone.
   */
  private static boolean opensNewCase(CaseState caseState, String text) {
    return caseState == null
        || caseState.knownDevice() == null
        || !CaseDetails.device(text).map(d -> d.equals(caseState.knownDevice())).orElse(true);
  }

  private static boolean looksLikeQuestion(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    return s.endsWith("?")
        || s.endsWith("？")
        || s.startsWith("what")
        || s.startsWith("how")
        || s.startsWith("why")
        || s.contains("とは")
        || s.contains("ですか")
        || s.endsWith("か");
  }

  private void open(Turn t, String description) {
    CaseRecord r = parts.store().newCase(t.in.user(), parts.clock().instant());
    CaseState c = new CaseState(r);
    c.lang = t.lang.key();
    c.symptom = description == null || description.isBlank() ? null : description.strip();
    t.caseState = c;
    parts.store().bindConversation(t.in.conversation(), c.id);
    if (t.in.remote()) {
      t.say(
          parts
              .phrases()
              .get("case-opened-code", t.lang, "id", c.id, "code", joinCode(c.id).orElseThrow()));
    } else {
      t.say(parts.phrases().get("case-opened", t.lang, "id", c.id));
    }
    if (c.symptom != null) {
      Intake.absorb(c, c.symptom);
    }
    remember(t, false, userLine(t.in));
    if (t.in.uploads().isEmpty()) {
      intake.askNext(t);
    } else {
      c.stage = CaseStage.CHECKLIST;
    }
  }

  /**
   * Joins the case of {@code code} as typed: a number, or a join code ("&lt;id&gt;-&lt;token&gt;").
   * A remote user needs the code unless the conversation already works on that case; a wrong token
   * is refused to everyone. The refusal does not tell whether the case exists. A number no case can
   * have (0, twenty digits) is simply not a case.
   */
  private void join(Turn t, String code) {
    int dash = code.indexOf('-');
    String number = dash < 0 ? code : code.substring(0, dash);
    String token = dash < 0 ? null : code.substring(dash + 1);
    OptionalLong known = WholeNumbers.within(number, 1, Long.MAX_VALUE);
    if (known.isEmpty()) {
      t.say(parts.phrases().get("case-unknown", t.lang, "id", WholeNumbers.echo(number)));
      return;
    }
    long wanted = known.getAsLong();
    boolean already = t.caseState != null && t.caseState.id == wanted;
    if (!already && (token != null || t.in.remote()) && !tokenMatches(wanted, token)) {
      t.say(parts.phrases().get("case-needs-code", t.lang, "id", wanted));
      return;
    }
    Optional<CaseRecord> r = parts.store().findCase(wanted);
    if (r.isEmpty()) {
      t.say(parts.phrases().get("case-unknown", t.lang, "id", WholeNumbers.echo(number)));
      return;
    }
    long id = r.get().id();
    if (t.caseState != null) {
      save(t);
    }
    parts.store().bindConversation(t.in.conversation(), id);
    t.caseState = new CaseState(r.get());
    t.say(
        parts
            .phrases()
            .get("case-joined", t.lang, "id", id, "summary", intake.summary(t.caseState, t.lang)));
    if (intake.asking(t.caseState)) {
      intake.askNext(t);
    } else {
      parts.checklist().showNext(t);
    }
  }

  private boolean tokenMatches(long id, String token) {
    return token != null
        && parts
            .store()
            .joinToken(id)
            .map(
                stored ->
                    MessageDigest.isEqual(
                        stored.getBytes(StandardCharsets.US_ASCII),
                        token.getBytes(StandardCharsets.US_ASCII)))
            .orElse(false);
  }

  /**
   * A step by the number typed, the next open one without a number; a number no step has is said
   * so.
   */
  private void stepByNumber(Turn t, Intent intent) {
    ChecklistGuide checklist = parts.checklist();
    Optional<ChecklistStep> step =
        intent.arg() == null ? checklist.nextOpen(t.caseState) : checklist.byNumber(intent.arg());
    if (step.isPresent()) {
      checklist.act(t, step.get(), intent.kind());
    } else if (intent.arg() != null) {
      t.say(
          parts
              .phrases()
              .get(
                  "step-unknown",
                  t.lang,
                  "n",
                  WholeNumbers.echo(intent.arg()),
                  "total",
                  parts.kb().checklist().size()));
    } else {
      checklist.showNext(t);
    }
  }

  private static String device(String arg, Turn t) {
    if (arg != null) {
      Optional<String> d = CaseDetails.device(arg);
      if (d.isPresent()) {
        return d.get();
      }
    }
    return t.caseState.knownDevice();
  }

  private void setLang(Turn t, String lang) {
    t.lang = Lang.fromTag(lang).orElse(Lang.EN);
    t.userLang = t.lang.key();
    t.say(parts.phrases().get("lang-set", t.lang));
  }

  private void knowledge(Turn t, List<String> words) {
    t.say(answers.answer(words, t.lang).orElse(parts.phrases().get("no-answer", t.lang)));
  }

  private void withCase(Turn t, Runnable r) {
    if (t.caseState == null) {
      t.say(parts.phrases().get("no-case", t.lang));
    } else {
      r.run();
    }
  }

  /**
   * Saves the case; if another process saved it meanwhile, keeps their version of the fields this
   * turn did not touch.
   */
  private void save(Turn t) {
    CaseStore store = parts.store();
    for (int attempt = 0; ; attempt++) {
      try {
        t.caseState = new CaseState(store.save(t.caseState.toRecord(parts.clock().instant())));
        return;
      } catch (StaleCaseException e) {
        if (attempt >= 3) {
          throw e;
        }
        CaseState mine = t.caseState;
        CaseState theirs = new CaseState(store.findCase(mine.id).orElseThrow());
        Merge.into(theirs, mine);
        t.caseState = theirs;
      }
    }
  }

  private void remember(Turn t, boolean fromBot, String text) {
    if (text.isBlank()) {
      return;
    }
    parts
        .store()
        .appendMessage(
            new ChatMessage(
                t.caseState.id,
                t.in.conversation(),
                fromBot ? "regdoc" : t.in.userName(),
                fromBot,
                text,
                parts.clock().instant()));
  }

  private static String userLine(Incoming in) {
    String files = in.uploads().stream().map(Upload::name).collect(Collectors.joining(", "));
    String action = in.action() == null ? "" : "[" + in.action() + "]";
    return (in.text() + (files.isEmpty() ? "" : " [uploaded: " + files + "]") + " " + action)
        .strip();
  }

  /**
   * Where the lessons' files are by default: {@code lessons/} inside the knowledge base, so they go
   * wherever the knowledge base goes (-Dregdoc.kb, the working directory, or next to the jar).
   */
  public static Path defaultLessonCaptures(Path kbDir) {
    return kbDir.toAbsolutePath().resolve("lessons");
  }
}
