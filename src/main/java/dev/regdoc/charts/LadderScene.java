package dev.regdoc.charts;

import java.time.Instant;
import java.util.List;

/**
 * A message sequence (ladder) diagram before drawing: the participants left to right and one row
 * per message or note, in time order, each with the frame it was seen in.
 *
 * @param subtitle the focus finding's title, or empty
 * @param referenceFile the capture whose clock the times are on
 * @param omitted messages of the window that did not fit
 */
public record LadderScene(
    String device,
    String title,
    String subtitle,
    String focusCode,
    String referenceFile,
    Instant from,
    Instant to,
    List<Participant> participants,
    List<Row> rows,
    int omitted) {

  /**
   * PHONE, the network devices between it and CUCM where known (SWITCH, FIREWALL), then the CUCMs.
   */
  public enum Role {
    PHONE,
    SWITCH,
    FIREWALL,
    CUCM
  }

  public record Participant(Role role, String name, String detail) {}

  /**
   * MESSAGE: arrived; RETRANSMISSION: a TCP retransmission; LOST: left, never arrived; NOTE: an
   * alarm, a log line or a move.
   */
  public enum Style {
    MESSAGE,
    RETRANSMISSION,
    LOST,
    NOTE
  }

  /**
   * @param from participant index the message leaves (for a NOTE: the participant it concerns)
   * @param to participant index it goes to (for LOST: where it should have gone)
   * @param cite {@code file#frame} or {@code file:line}
   * @param alsoAt the same message in the other capture ({@code file#frame}), or null
   * @param note what the row adds beyond the message (lost, where), or null
   */
  public record Row(
      Instant time,
      String cite,
      int from,
      int to,
      Style style,
      String label,
      String note,
      String alsoAt,
      boolean emphasised) {
    /**
     * True when {@code participant} stands strictly between the row's ends: a lost message is drawn
     * ending there.
     */
    public boolean passes(int participant) {
      return participant >= 0 && (participant - from) * (participant - to) < 0;
    }
  }

  /**
   * The first switch or firewall between the phone and the CUCMs, or -1 when no configuration named
   * one.
   */
  public int middle() {
    for (int i = 0; i < participants.size(); i++) {
      Role role = participants.get(i).role();
      if (role == Role.SWITCH || role == Role.FIREWALL) {
        return i;
      }
    }
    return -1;
  }
}
