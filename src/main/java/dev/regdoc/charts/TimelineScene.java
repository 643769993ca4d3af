package dev.regdoc.charts;

import dev.regdoc.facts.Protocol;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a timeline chart shows, before any pixel is drawn: the lanes (one per CUCM and capture
 * point), the marks on them with their frame numbers, the links between them, the gaps, the
 * vertical markers and the interval panel. The renderer draws exactly this, and tests assert on it.
 *
 * @param subtitle the focus finding's title, or empty
 * @param caption protocol, address, how two captures were aligned, and the window when focused
 * @param emphasised cites ({@code file#frame} or {@code file:line}) of the focus finding's evidence
 * @param focused true when the window is only a part of the device's timeline (a long capture)
 */
public record TimelineScene(
    String device,
    String title,
    String subtitle,
    String caption,
    String focusCode,
    String referenceFile,
    Instant from,
    Instant to,
    boolean focused,
    List<Lane> lanes,
    List<Mark> marks,
    List<Link> links,
    List<Gap> gaps,
    List<Marker> markers,
    Intervals intervals,
    Set<String> emphasised) {

  /**
   * One horizontal lane: a CUCM as seen at one capture point.
   *
   * @param side the capture file the lane shows
   * @param phoneSide true for the capture nearest the phone (the reference clock)
   */
  public record Lane(String server, String role, String side, boolean phoneSide, String label) {}

  /** What a mark stands for; each kind is one series with its own shape and colour. */
  public enum MarkKind {
    REGISTRATION,
    REFRESH,
    KEEPALIVE,
    DEREGISTRATION,
    ANSWER,
    REJECTED,
    RETRANSMISSION,
    UNANSWERED,
    LOST,
    LOST_DOWN
  }

  /**
   * One message (or its absence) on a lane.
   *
   * @param upper true for what the phone sent (drawn above the lane's middle), false for what CUCM
   *     sent
   * @param label a short text drawn beside the mark (the delay of a retransmission), or null
   */
  public record Mark(
      int lane,
      MarkKind kind,
      boolean upper,
      Instant time,
      String file,
      long frame,
      String label,
      boolean emphasised) {
    public String cite() {
      return file + "#" + frame;
    }
  }

  /**
   * ANSWER: a request and its answer; PATH: the same message at both capture points; LOST: sent,
   * never arrived.
   */
  public enum LinkKind {
    ANSWER,
    PATH,
    LOST
  }

  public record Link(
      LinkKind kind,
      int fromLane,
      boolean fromUpper,
      Instant from,
      int toLane,
      boolean toUpper,
      Instant to) {}

  /**
   * A stretch without an answer longer than the server granted (SIP Expires; SCCP 1.5 keepalive
   * intervals).
   */
  public record Gap(int lane, Instant from, Instant to, double seconds, double limitSeconds) {}

  public enum MarkerKind {
    ALARM,
    NOTICE,
    NETWORK,
    ADDRESS,
    FAILOVER,
    FALLBACK
  }

  /**
   * A vertical line across all lanes: an alarm, a log message, an ARP answer or MAC change for a
   * CUCM's address, or a move to another CUCM.
   */
  public record Marker(
      MarkerKind kind, Instant time, String label, String cite, boolean emphasised) {}

  /**
   * The second panel: for each refresh (SIP) or keepalive to the active CUCM (SCCP), the seconds
   * since the previous answer when it was sent and when its answer came.
   */
  public record Intervals(
      Protocol protocol, List<Point> sent, List<Point> answered, double expected, double deadline) {
    public boolean isEmpty() {
      return sent.isEmpty() && answered.isEmpty();
    }
  }

  public record Point(Instant time, double seconds, String file, long frame) {}

  public List<Mark> marksOf(MarkKind kind) {
    return marks.stream().filter(m -> m.kind() == kind).toList();
  }
}
