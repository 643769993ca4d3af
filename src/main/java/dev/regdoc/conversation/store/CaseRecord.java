package dev.regdoc.conversation.store;

import java.time.Instant;
import java.util.Map;

/**
 * A case as stored. Plain values only, so every store keeps it the same way.
 *
 * @param version optimistic-lock counter, 1 for a new case
 * @param device SEP+MAC device name, MAC or IP; null until known
 * @param protocol "SIP", "SCCP" or null
 * @param when the user's words for when it happens ("every 16 minutes", "after 8 am"), or null
 * @param cucmVersion e.g. "14.0", or null
 * @param lang "en" or "ja"
 * @param stage where the conversation stands in the case (the engine's own state names)
 * @param steps checklist step id to "done" or "skipped" (absent: open)
 * @param findingsJson the latest analysis as regdoc.analysis/3 JSON, or null before any
 * @param attributes anything else the engine keeps per case (string to string)
 */
public record CaseRecord(
    long id,
    long version,
    String openedBy,
    Instant openedAt,
    Instant updatedAt,
    String device,
    String symptom,
    String protocol,
    String when,
    String cucmVersion,
    String lang,
    String stage,
    Map<String, String> steps,
    String findingsJson,
    Map<String, String> attributes) {

  public CaseRecord {
    steps = Map.copyOf(steps);
    attributes = Map.copyOf(attributes);
  }

  /** The same case under another optimistic-lock version (what a store returns after a save). */
  public CaseRecord withVersion(long newVersion) {
    return new CaseRecord(
        id,
        newVersion,
        openedBy,
        openedAt,
        updatedAt,
        device,
        symptom,
        protocol,
        when,
        cucmVersion,
        lang,
        stage,
        steps,
        findingsJson,
        attributes);
  }
}
