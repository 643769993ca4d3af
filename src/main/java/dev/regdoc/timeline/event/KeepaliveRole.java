package dev.regdoc.timeline.event;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the CUCM a keepalive goes to is for the phone: its primary answers keepalives, a backup SCCP
 * CUCM only acknowledges them in TCP.
 */
public enum KeepaliveRole {
  PRIMARY("primary"),
  BACKUP("backup");

  private final String id;

  KeepaliveRole(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }
}
