package dev.regdoc.knowledge;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The validated, read-only knowledge base: reason codes, restart causes, the log-collection
 * checklist, concepts, finding texts and case studies, every human text in English and Japanese.
 * Build it with {@link KnowledgeBaseLoader#load(Path)} or {@link #loadDefault()}.
 */
public final class KnowledgeBase {
  private final Text unregistrationNote;
  private final Text registrationFailureCaveat;
  private final Text sipResponseNote;
  private final Text restartCauseNote;
  private final Map<Integer, ReasonCode> reasons;
  private final Map<Integer, RegistrationFailure> registrationFailures;
  private final Map<Integer, SipStatus> sipStatuses;
  private final Map<Integer, RestartCause> restartCauses;
  private final Map<String, RestartCause> restartCausesByName = new LinkedHashMap<>();
  private final Map<String, ChecklistStep> checklist;
  private final Map<String, Concept> concepts;
  private final Map<String, FindingEntry> findings;
  private final Map<String, CaseStudy> caseStudies;
  private final List<Concept> conceptsInFileOrder;

  /** Built at the first question ({@link #matcher()}): a lookup by code or id never needs it. */
  private volatile ConceptMatcher matcher;

  KnowledgeBase(KbContent c) {
    unregistrationNote = c.reasons().unregistrationNote();
    registrationFailureCaveat = c.reasons().registrationFailureCaveat();
    sipResponseNote = c.reasons().sipNote();
    restartCauseNote = c.restartCauses().note();
    reasons = index(c.reasons().unregistration(), ReasonCode::code);
    registrationFailures = index(c.reasons().registrationFailures(), RegistrationFailure::code);
    sipStatuses = index(c.reasons().sipStatuses(), SipStatus::code);
    restartCauses = index(c.restartCauses().causes(), RestartCause::index);
    for (RestartCause rc : c.restartCauses().causes()) {
      restartCausesByName.putIfAbsent(key(rc.phoneString()), rc);
      if (rc.rfoosName() != null) {
        restartCausesByName.putIfAbsent(key(rc.rfoosName()), rc);
      }
    }
    checklist = index(c.checklist(), ChecklistStep::id);
    concepts = index(c.concepts(), Concept::id);
    conceptsInFileOrder = List.copyOf(c.concepts());
    findings = index(c.findings(), FindingEntry::code);
    caseStudies = index(c.caseStudies(), CaseStudy::id);
  }

  /** Loads from {@code dir}, validating everything; see {@link KnowledgeBaseLoader}. */
  public static KnowledgeBase load(Path dir) {
    return KnowledgeBaseLoader.load(dir);
  }

  /**
   * Loads from the directory named by the system property {@code regdoc.kb}, else {@code
   * knowledge-base/} in the working directory, else {@code knowledge-base/} next to the jar.
   */
  public static KnowledgeBase loadDefault() {
    return load(defaultDirectory());
  }

  /**
   * Where {@link #loadDefault()} looks: -Dregdoc.kb, else knowledge-base/ here, else next to the
   * jar.
   */
  public static Path defaultDirectory() {
    return KnowledgeBaseLocator.locate(
        System.getProperty(KnowledgeBaseLocator.PROPERTY),
        Path.of("").toAbsolutePath(),
        KnowledgeBaseLocator.codeLocation());
  }

  /** An EndPointUnregistered / DeviceUnregistered reason code. */
  public Optional<ReasonCode> reason(int code) {
    return Optional.ofNullable(reasons.get(code));
  }

  /** An EndPointTransientConnection reason code; mind {@link #registrationFailureCaveat()}. */
  public Optional<RegistrationFailure> registrationFailure(int code) {
    return Optional.ofNullable(registrationFailures.get(code));
  }

  /** A SIP response to REGISTER. */
  public Optional<SipStatus> sipStatus(int code) {
    return Optional.ofNullable(sipStatuses.get(code));
  }

  /** A phone restart cause by its index (also the RFOOS code where the catalog has one). */
  public Optional<RestartCause> restartCause(int index) {
    return Optional.ofNullable(restartCauses.get(index));
  }

  /**
   * A phone restart cause by its phone string ({@code KeepaliveTO}, {@code cm-closed-tcp}) or RFOOS
   * name ({@code TCPtimedOut}), ignoring case.
   */
  public Optional<RestartCause> restartCause(String name) {
    return name == null
        ? Optional.empty()
        : Optional.ofNullable(restartCausesByName.get(key(name)));
  }

  public Optional<ChecklistStep> checklistStep(String id) {
    return Optional.ofNullable(checklist.get(id));
  }

  /** All checklist steps in order. */
  public List<ChecklistStep> checklist() {
    return List.copyOf(checklist.values());
  }

  public Optional<CaseStudy> caseStudy(String id) {
    return Optional.ofNullable(caseStudies.get(id));
  }

  public Optional<Concept> concept(String id) {
    return Optional.ofNullable(concepts.get(id));
  }

  /** The concept a question is about, matched on titles and aliases; see {@link ConceptMatcher}. */
  public Optional<Concept> findConcept(String question, Lang lang) {
    return matcher().find(question, lang);
  }

  /**
   * The concept matcher, built once at the first question: its Unicode normalising of every title
   * and alias is about a tenth of a start that only looks a reason code up ({@code explain reason
   * 13}).
   */
  private ConceptMatcher matcher() {
    ConceptMatcher m = matcher;
    if (m == null) {
      synchronized (this) {
        m = matcher;
        if (m == null) {
          m = new ConceptMatcher(conceptsInFileOrder);
          matcher = m;
        }
      }
    }
    return m;
  }

  public Optional<FindingEntry> finding(String code) {
    return Optional.ofNullable(findings.get(code));
  }

  /** Every finding code that has texts, in file order. */
  public Set<String> findingCodes() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(findings.keySet()));
  }

  public Collection<ReasonCode> reasons() {
    return List.copyOf(reasons.values());
  }

  public Collection<RegistrationFailure> registrationFailures() {
    return List.copyOf(registrationFailures.values());
  }

  public Collection<SipStatus> sipStatuses() {
    return List.copyOf(sipStatuses.values());
  }

  public Collection<RestartCause> restartCauses() {
    return List.copyOf(restartCauses.values());
  }

  public Collection<Concept> concepts() {
    return List.copyOf(concepts.values());
  }

  public Collection<FindingEntry> findings() {
    return List.copyOf(findings.values());
  }

  public Collection<CaseStudy> caseStudies() {
    return List.copyOf(caseStudies.values());
  }

  /** What the unregistration reason table is based on. */
  public Text unregistrationNote() {
    return unregistrationNote;
  }

  /** Why registration-failure numbers must be treated with care. */
  public Text registrationFailureCaveat() {
    return registrationFailureCaveat;
  }

  public Text sipResponseNote() {
    return sipResponseNote;
  }

  /** How restart-cause indexes were numbered and which are disputed. */
  public Text restartCauseNote() {
    return restartCauseNote;
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }

  private static <K, T> Map<K, T> index(List<T> items, Function<T, K> id) {
    Map<K, T> map = new LinkedHashMap<>();
    items.forEach(t -> map.put(id.apply(t), t));
    return Collections.unmodifiableMap(map);
  }
}
