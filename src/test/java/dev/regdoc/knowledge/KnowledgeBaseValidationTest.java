package dev.regdoc.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each test breaks one thing in a tiny but complete knowledge base and checks the loader names file
 * and entry.
 */
class KnowledgeBaseValidationTest {
  static final String REASONS =
      """
      unregistration:
        note: {en: "Numbering note.", ja: "番号の注記。"}
        codes:
          - code: 13
            alarm_name: KeepAliveTimeout
            mib_name: keepAliveTimeout
            nature: fault
            protocol: any
            meaning: {en: "Keepalive missed.", ja: "キープアライブが届かなかった。"}
            check: {en: "Capture both sides.", ja: "両側でキャプチャする。"}
            findings: [f-one]
      registration_failure:
        caveat: {en: "Unverified numbering.", ja: "番号体系は未確認。"}
        codes:
          - code: 6
            mib_name: connectivityError
            meaning: {en: "No contact.", ja: "通信できない。"}
            check: {en: "Check the path.", ja: "経路を確認する。"}
      sip_register_responses:
        note: {en: "RFC 3261.", ja: "RFC 3261 に準拠。"}
        codes:
          - code: 401
            phrase: Unauthorized
            nature: challenge
            meaning: {en: "Challenge.", ja: "チャレンジ。"}
            check: {en: "Fine if 200 follows.", ja: "200 が続けば正常。"}
      """;
  static final String RESTART =
      """
      note: {en: "Indexes.", ja: "インデックス。"}
      causes:
        - index: 17
          phone_string: KeepaliveTO
          rfoos_name: TCPDeviceRegsistrationTimedOut
          disputed: true
          meaning: {en: "Disputed.", ja: "解釈が割れている。"}
          readings:
            - source: phone-firmware
              meaning: {en: "Keepalive timed out.", ja: "キープアライブのタイムアウト。"}
            - source: cucm-alarm-catalog
              meaning: {en: "Registration timed out.", ja: "登録のタイムアウト。"}
      """;
  static final String CHECKLIST =
      """
      steps:
        - id: step-one
          title: {en: "Capture", ja: "キャプチャ"}
          why: {en: "To see packets.", ja: "パケットを見るため。"}
          how:
            en: ["Start it.", "Stop it."]
            ja: ["開始する。", "停止する。"]
          settles: [f-one]
      """;
  static final String CONCEPTS =
      """
      concepts:
        - id: c-one
          title: {en: "Delayed failover", ja: "遅延フェールオーバー"}
          aliases:
            en: [delayed failover]
            ja: [遅延フェールオーバー]
          summary: {en: "Waits three intervals.", ja: "間隔 3 回分待つ。"}
          detail: {en: "More detail.", ja: "詳細。"}
          related: []
      """;
  static final String FINDINGS =
      """
      code: f-one
      values: [interval]
      title: {en: "Every {interval} s", ja: "{interval} 秒ごと"}
      explanation: {en: "Sent every {interval} s.", ja: "{interval} 秒ごとに送信。"}
      fix:
        en: ["Fix it."]
        ja: ["直す。"]
      related_concepts: [c-one]
      checklist: [step-one]
      case_studies: [case-one]
      """;
  static final String CASES =
      """
      cases:
        - id: case-one
          protocol: sip
          title: {en: "A case", ja: "事例"}
          symptom: {en: "It drops.", ja: "登録が外れる。"}
          collected: {en: ["A capture."], ja: ["キャプチャ。"]}
          observations: {en: ["Late."], ja: ["遅れた。"]}
          numbers: {refresh_after_200ok: 115, delays: [0.33, 0.85]}
          root_cause: {en: "Aging.", ja: "エージング。"}
          fix: {en: ["Raise it."], ja: ["長くする。"]}
          questions:
            - q: {en: "Why?", ja: "なぜ？"}
              a: {en: "Because.", ja: "なぜなら。"}
          findings: [f-one]
          concepts: [c-one]
          checklist: [step-one]
      """;

  @TempDir Path dir;
  Map<String, String> files;

  @BeforeEach
  void validBase() {
    files = new LinkedHashMap<>();
    files.put("reason-codes.yaml", REASONS);
    files.put("restart-causes.yaml", RESTART);
    files.put("checklist.yaml", CHECKLIST);
    files.put("concepts.yaml", CONCEPTS);
    files.put("findings/f-one.yaml", FINDINGS);
    files.put("case-studies.yaml", CASES);
  }

  KnowledgeBase load() throws IOException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.createDirectories(dir.resolve(f.getKey()).getParent());
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    return KnowledgeBaseLoader.load(dir);
  }

  /** Replaces exactly one occurrence, so a typo in a test cannot silently leave the file valid. */
  void edit(String file, String from, String to) {
    String text = files.get(file);
    assertThat(text).as("test setup: '" + from + "' in " + file).containsOnlyOnce(from);
    files.put(file, text.replace(from, to));
  }

  KnowledgeBaseException failure() {
    return catchThrowableOfType(KnowledgeBaseException.class, this::load);
  }

  @Test
  void aFindingFileIsNamedByItsCode() {
    files.put("findings/f-uno.yaml", files.remove("findings/f-one.yaml"));
    assertThat(failure().problems())
        .contains(
            "findings/f-uno.yaml: finding 'f-uno': code 'f-one' differs from the file's name;"
                + " name the file f-one.yaml");
  }

  @Test
  void theTinyBaseIsValid() throws IOException {
    KnowledgeBase kb = load();
    assertThat(kb.findingCodes()).containsExactly("f-one");
    assertThat(kb.reason(13)).map(ReasonCode::alarmName).contains("KeepAliveTimeout");
    assertThat(kb.findConcept("遅延フェールオーバーとは？", Lang.JA)).map(Concept::id).contains("c-one");
  }

  @Test
  void missingJapanese() {
    edit(
        "concepts.yaml",
        "summary: {en: \"Waits three intervals.\", ja: \"間隔 3 回分待つ。\"}",
        "summary: {en: \"Waits three intervals.\"}");
    assertThat(failure().problems())
        .containsExactly("concepts.yaml: concept 'c-one': summary.ja: missing");
  }

  @Test
  void missingEnglishInANestedQuestion() {
    edit("case-studies.yaml", "a: {en: \"Because.\", ja: \"なぜなら。\"}", "a: {ja: \"なぜなら。\"}");
    assertThat(failure().problems())
        .containsExactly("case-studies.yaml: case 'case-one' questions[0]: a.en: missing");
  }

  @Test
  void missingTextObject() {
    edit("checklist.yaml", "why: {en: \"To see packets.\", ja: \"パケットを見るため。\"}", "");
    assertThat(failure().problems())
        .containsExactly("checklist.yaml: step 'step-one': why: missing (needs en and ja)");
  }

  @Test
  void emptyText() {
    edit("reason-codes.yaml", "check: {en: \"Capture both sides.\"", "check: {en: \"  \"");
    assertThat(failure().problems())
        .containsExactly("reason-codes.yaml: reason 13: check.en: empty text");
  }

  @Test
  void listLengthMismatch() {
    edit("checklist.yaml", "ja: [\"開始する。\", \"停止する。\"]", "ja: [\"開始する。\"]");
    assertThat(failure().problems())
        .containsExactly("checklist.yaml: step 'step-one': how: en has 2 items but ja has 1");
  }

  @Test
  void duplicateIds() {
    files.put("concepts.yaml", CONCEPTS + CONCEPTS.substring(CONCEPTS.indexOf("  - id: c-one")));
    assertThat(failure().problems())
        .containsExactly("concepts.yaml: concept 'c-one': duplicate id 'c-one'");
  }

  @Test
  void duplicateReasonNumbers() throws IOException {
    edit("reason-codes.yaml", "code: 401", "code: 13");
    assertThat(load().sipStatus(13)).isPresent(); // 13 in another table is fine
    String text = files.get("reason-codes.yaml");
    int from = text.indexOf("    - code: 6");
    int to = text.indexOf("sip_register_responses:");
    files.put(
        "reason-codes.yaml", text.substring(0, to) + text.substring(from, to) + text.substring(to));
    assertThat(failure().problems())
        .containsExactly("reason-codes.yaml: registration failure 6: duplicate id '6'");
  }

  @Test
  void unknownChecklistStep() {
    edit("findings/f-one.yaml", "checklist: [step-one]", "checklist: [step-one, no-such-step]");
    assertThat(failure().problems())
        .containsExactly(
            "findings/f-one.yaml: finding 'f-one': checklist: unknown checklist step"
                + " 'no-such-step'");
  }

  @Test
  void unknownConcept() {
    edit("findings/f-one.yaml", "related_concepts: [c-one]", "related_concepts: [ghost]");
    assertThat(failure().problems())
        .containsExactly(
            "findings/f-one.yaml: finding 'f-one': related_concepts: unknown concept 'ghost'");
  }

  @Test
  void unknownFinding() {
    edit("checklist.yaml", "settles: [f-one]", "settles: [f-two]");
    edit("reason-codes.yaml", "findings: [f-one]", "findings: [f-three]");
    assertThat(failure().problems())
        .containsExactlyInAnyOrder(
            "checklist.yaml: step 'step-one': settles: unknown finding 'f-two'",
            "reason-codes.yaml: reason 13: findings: unknown finding 'f-three'");
  }

  @Test
  void unknownCaseStudy() {
    edit("findings/f-one.yaml", "case_studies: [case-one]", "case_studies: [case-nine]");
    assertThat(failure().problems())
        .containsExactly(
            "findings/f-one.yaml: finding 'f-one': case_studies: unknown case study 'case-nine'");
  }

  @Test
  void undeclaredPlaceholder() {
    edit(
        "findings/f-one.yaml",
        "explanation: {en: \"Sent every {interval} s.\", ja: \"{interval} 秒ごとに送信。\"}",
        "explanation: {en: \"Sent every {interval} s to {ip}.\", ja: \"{interval} 秒ごとに {ip}"
            + " へ送信。\"}");
    assertThat(failure().problems())
        .containsExactlyInAnyOrder(
            "findings/f-one.yaml: finding 'f-one': explanation.en: placeholder {ip} is not declared"
                + " under values",
            "findings/f-one.yaml: finding 'f-one': explanation.ja: placeholder {ip} is not declared"
                + " under values");
  }

  @Test
  void placeholderInAFixListMustBeDeclaredToo() {
    edit("findings/f-one.yaml", "en: [\"Fix it.\"]", "en: [\"Fix {port}.\"]");
    edit("findings/f-one.yaml", "ja: [\"直す。\"]", "ja: [\"{port} を直す。\"]");
    assertThat(failure().problems())
        .contains(
            "findings/f-one.yaml: finding 'f-one': fix.en[0]: placeholder {port} is not declared"
                + " under values");
  }

  @Test
  void placeholderOutsideFindingsIsUndeclared() {
    edit(
        "concepts.yaml",
        "detail: {en: \"More detail.\", ja: \"詳細。\"}",
        "detail: {en: \"Every {interval} s.\", ja: \"{interval} 秒ごと。\"}");
    assertThat(failure().problems())
        .contains(
            "concepts.yaml: concept 'c-one': detail.en: placeholder {interval} is not declared"
                + " under values");
  }

  @Test
  void commandSyntaxInBracesIsNotAPlaceholder() throws IOException {
    edit(
        "concepts.yaml",
        "detail: {en: \"More detail.\", ja: \"詳細。\"}",
        "detail: {en: \"aging type {absolute | inactivity}\", ja: \"aging type {absolute |"
            + " inactivity} を指定\"}");
    assertThat(load().concept("c-one").orElseThrow().detail().en())
        .contains("{absolute | inactivity}");
  }

  @Test
  void placeholderMissingFromTheTranslation() {
    edit("findings/f-one.yaml", "ja: \"{interval} 秒ごとに送信。\"", "ja: \"定期的に送信。\"");
    assertThat(failure().problems())
        .containsExactly(
            "findings/f-one.yaml: finding 'f-one': explanation: en uses placeholders [interval] but"
                + " ja uses []");
  }

  @Test
  void declaredValueNobodyUses() {
    edit("findings/f-one.yaml", "values: [interval]", "values: [interval, mac]");
    assertThat(failure().problems())
        .containsExactly(
            "findings/f-one.yaml: finding 'f-one': values: {mac} is declared but no text uses it");
  }

  @Test
  void unknownFieldIsReported() {
    edit(
        "findings/f-one.yaml",
        "related_concepts: [c-one]",
        "related_concepts: [c-one]\nrealted: [c-one]");
    assertThat(failure().problems())
        .containsExactly("findings/f-one.yaml: finding 'f-one': entry: unknown field 'realted'");
  }

  @Test
  void badEnumValue() {
    edit("reason-codes.yaml", "nature: fault", "nature: harmless");
    assertThat(failure().problems())
        .singleElement()
        .asString()
        .startsWith("reason-codes.yaml: reason 13: nature: 'harmless' is not one of");
  }

  @Test
  void disputedCauseNeedsBothReadings() {
    String text = files.get("restart-causes.yaml");
    int reading = text.indexOf("- source: cucm-alarm-catalog");
    files.put("restart-causes.yaml", text.substring(0, text.lastIndexOf('\n', reading) + 1));
    assertThat(failure().problems())
        .containsExactly(
            "restart-causes.yaml: restart cause 17: readings: a disputed cause needs both"
                + " readings");
  }

  @Test
  void missingFileAndBrokenYaml() {
    files.remove("concepts.yaml");
    files.put("case-studies.yaml", "cases:\n  - id: [unclosed\n");
    KnowledgeBaseException e = failure();
    assertThat(e.problems()).contains("concepts.yaml: file is missing");
    assertThat(e.problems()).anyMatch(p -> p.startsWith("case-studies.yaml: not valid YAML"));
    // the finding refers to a concept and a case that could not be read: reported as well, not
    // hidden
    assertThat(e.problems())
        .contains(
            "findings/f-one.yaml: finding 'f-one': related_concepts: unknown concept 'c-one'");
  }

  @Test
  void duplicateYamlKeyIsReported() {
    edit("concepts.yaml", "    related: []", "    related: []\n    related: [c-one]");
    assertThat(failure().problems())
        .anyMatch(p -> p.startsWith("concepts.yaml: not valid YAML: Duplicate field 'related'"));
  }

  @Test
  void everyProblemIsReportedAtOnceAndTheMessageListsThem() {
    edit("concepts.yaml", ", ja: \"詳細。\"", "");
    edit("checklist.yaml", "settles: [f-one]", "settles: [f-two]");
    edit(
        "findings/f-one.yaml",
        "title: {en: \"Every {interval} s\"",
        "title: {en: \"Every {interval} s on {port}\"");
    KnowledgeBaseException e = failure();
    assertThat(e.problems()).hasSize(4);
    assertThat(e.getMessage())
        .contains("4 problems")
        .contains(
            "findings/f-one.yaml: finding 'f-one': title: en uses placeholders [interval, port] but"
                + " ja uses [interval]")
        .contains("concepts.yaml: concept 'c-one': detail.ja: missing")
        .contains("checklist.yaml: step 'step-one': settles: unknown finding 'f-two'")
        .contains(
            "findings/f-one.yaml: finding 'f-one': title.en: placeholder {port} is not declared"
                + " under values");
  }

  @Test
  void idsMustBeKebabCase() {
    edit("concepts.yaml", "- id: c-one", "- id: C_One");
    edit("findings/f-one.yaml", "related_concepts: [c-one]", "related_concepts: [C_One]");
    edit("case-studies.yaml", "concepts: [c-one]", "concepts: [C_One]");
    assertThat(failure().problems())
        .containsExactly(
            "concepts.yaml: concept 'C_One': id: 'C_One' must be lower-case kebab-case");
  }

  @Test
  void notADirectory() {
    assertThatThrownBy(() -> KnowledgeBaseLoader.load(dir.resolve("nope")))
        .isInstanceOf(KnowledgeBaseException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("not a directory");
  }
}
