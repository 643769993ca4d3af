package dev.regdoc.timeline.event;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which way a message travelled. */
public enum Direction {
  PHONE_TO_CUCM("phone-to-cucm"),
  CUCM_TO_PHONE("cucm-to-phone");

  private final String id;

  Direction(String id) {
    this.id = id;
  }

  public static Direction of(boolean fromPhone) {
    return fromPhone ? PHONE_TO_CUCM : CUCM_TO_PHONE;
  }

  @JsonValue
  public String id() {
    return id;
  }
}
