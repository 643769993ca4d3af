package dev.regdoc.timeline.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * Where a message of two aligned captures was seen: in both (with its frame in the other one), or
 * in one only. JSON: {@code seenIn} is "both" or the file that has it.
 *
 * <p>A CUCM node's CallManager trace counts as the CUCM side like a capture on its NIC: a message
 * found in it is in "both", with the trace file and line as {@code otherFile} and {@code
 * otherLine}; a message only the trace has is seen in {@link TraceLane#of the node's trace lane}.
 *
 * @param otherFile the other capture or trace file, when the message is in both
 * @param otherFrame its frame there, 0 when it is in one capture only or in a trace
 * @param otherLine its line in the trace file, 0 otherwise
 * @param originalLost in both, but only because a TCP retransmission got through
 */
@JsonPropertyOrder({"seenIn", "otherFile", "otherFrame", "otherLine", "originalLost"})
public record SeenIn(
    @JsonIgnore Sides sides,
    @JsonIgnore String file,
    String otherFile,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) long otherFrame,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) long otherLine,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean originalLost) {

  /** In both captures, or in one only. */
  public enum Sides {
    BOTH,
    ONE
  }

  private static final String BOTH_ID = "both";

  public static SeenIn both(String otherFile, long otherFrame, boolean originalLost) {
    return new SeenIn(Sides.BOTH, null, otherFile, otherFrame, 0, originalLost);
  }

  /**
   * In the phone-side capture and in a CUCM node's trace ({@code lane}), at {@code line} of {@code
   * traceFile}.
   */
  public static SeenIn bothWithTrace(
      String lane, String traceFile, long line, boolean originalLost) {
    return new SeenIn(Sides.BOTH, lane, traceFile, 0, line, originalLost);
  }

  /** The trace lane ({@link TraceLane}) that has the message too, or null. */
  public String traceLane() {
    return inBoth() && otherLine > 0 ? file : null;
  }

  public static SeenIn only(String file) {
    return new SeenIn(Sides.ONE, file, null, 0, 0, false);
  }

  public boolean inBoth() {
    return sides == Sides.BOTH;
  }

  /** Adds the same keys as the JSON of an event's details has, for details written as a map. */
  void putInto(Map<String, Object> details) {
    details.put("seenIn", id());
    if (otherFrame > 0) {
      details.put("otherFile", otherFile);
      details.put("otherFrame", otherFrame);
    }
    if (otherLine > 0) {
      details.put("otherFile", otherFile);
      details.put("otherLine", otherLine);
    }
    if (originalLost) {
      details.put("originalLost", true);
    }
  }

  /** "both", or the file that has the message. */
  @JsonProperty("seenIn")
  public String id() {
    return inBoth() ? BOTH_ID : file;
  }
}
