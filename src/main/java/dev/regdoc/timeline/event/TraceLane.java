package dev.regdoc.timeline.event;

/**
 * The view of one CUCM node's CallManager trace: all its files together (a rotation splits one
 * registration across files), named {@code trace:<node>} wherever a capture would be named by its
 * file ("seenIn", "missingFrom", a clock offset's file). Pictures and texts label it "seen at CUCM
 * (trace)" from the knowledge base.
 */
public final class TraceLane {
  private static final String PREFIX = "trace:";

  private TraceLane() {}

  /** The lane id of {@code node}'s trace. */
  public static String of(String node) {
    return PREFIX + node;
  }

  /** True when {@code id} names a trace lane, not a capture file. */
  public static boolean is(String id) {
    return id != null && id.startsWith(PREFIX);
  }

  /** The node of a trace lane id, or null when {@code id} is not one. */
  public static String nodeOf(String id) {
    return is(id) ? id.substring(PREFIX.length()) : null;
  }
}
