package dev.regdoc.timeline.event;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an answer to a REGISTER did to the phone's registration. */
public enum RegisterOutcome {
  PROVISIONAL("provisional"),
  REGISTERED("registered"),
  KEEPALIVE_ACKNOWLEDGED("keepalive acknowledged"),
  UNREGISTERED("unregistered"),
  CHALLENGE("challenge"),
  REJECTED("rejected"),
  /** A 200 OK to a request sent before the phone moved to another CUCM: it changes nothing. */
  STALE("answered after the phone had moved to another CUCM");

  private final String text;

  RegisterOutcome(String text) {
    this.text = text;
  }

  /** As the JSON and the summary line say it. */
  @JsonValue
  public String text() {
    return text;
  }
}
