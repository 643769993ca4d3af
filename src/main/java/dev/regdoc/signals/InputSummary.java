package dev.regdoc.signals;

import java.util.List;

/**
 * What an analysis had to work with, so "nothing found" can say what was checked, and so that no
 * rule calls evidence healthy when nothing about registration was in it.
 *
 * @param unreadFiles names of the files that could not be read at all
 */
public record InputSummary(
    int phones,
    int refreshes,
    int keepalives,
    int registrations,
    int alarms,
    int arpPackets,
    int configs,
    int captures,
    int filesRead,
    List<String> unreadFiles) {

  public InputSummary {
    unreadFiles = List.copyOf(unreadFiles);
  }

  /**
   * Refreshes, keepalives and registration transactions read: the traffic a "healthy" verdict is
   * about.
   */
  public int registrationEvents() {
    return refreshes + keepalives + registrations;
  }

  public int unreadCount() {
    return unreadFiles.size();
  }
}
