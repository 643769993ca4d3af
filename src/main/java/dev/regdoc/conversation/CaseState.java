package dev.regdoc.conversation;

import dev.regdoc.conversation.store.CaseRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A case being changed during one turn; read from and written back to the store as a {@link
 * CaseRecord}.
 */
final class CaseState {
  static final String SKIPPED = "-";

  final long id;
  final long version;
  final String openedBy;
  final Instant openedAt;
  String device;
  String symptom;
  String protocol;
  String when;
  String cucmVersion;
  String lang;
  CaseStage stage;
  final Map<String, String> steps;
  String findingsJson;
  final Map<String, String> attributes;

  CaseState(CaseRecord r) {
    id = r.id();
    version = r.version();
    openedBy = r.openedBy();
    openedAt = r.openedAt();
    device = r.device();
    symptom = r.symptom();
    protocol = r.protocol();
    when = r.when();
    cucmVersion = r.cucmVersion();
    lang = r.lang();
    stage = CaseStage.fromId(r.stage());
    steps = new LinkedHashMap<>(r.steps());
    findingsJson = r.findingsJson();
    attributes = new LinkedHashMap<>(r.attributes());
  }

  CaseRecord toRecord(Instant now) {
    return new CaseRecord(
        id,
        version,
        openedBy,
        openedAt,
        now,
        device,
        symptom,
        protocol,
        when,
        cucmVersion,
        lang,
        CaseStage.idOf(stage),
        steps,
        findingsJson,
        attributes);
  }

  /** The device if the user named one (not skipped). */
  String knownDevice() {
    return device == null || SKIPPED.equals(device) ? null : device;
  }
}
