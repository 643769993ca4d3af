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

  /**
   * A Jackson value filter that leaves out {@link #PHONE_TO_CUCM}, for fields where the phone's own
   * direction is the default and only the other is written.
   */
  public static final class FromPhone {
    @Override
    public boolean equals(Object other) {
      return other == PHONE_TO_CUCM;
    }

    @Override
    public int hashCode() {
      return PHONE_TO_CUCM.hashCode();
    }
  }

  @JsonValue
  public String id() {
    return id;
  }
}
