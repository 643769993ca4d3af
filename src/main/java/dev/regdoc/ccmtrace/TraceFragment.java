package dev.regdoc.ccmtrace;

import dev.regdoc.facts.Origin;
import dev.regdoc.facts.TraceRecord;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A piece of a SIP message that file rotation cut in two: the {@code tail} of one file (a message
 * whose end is missing) or the {@code head} of the next (lines before its first record). {@link
 * TraceSession} puts the two back together; it passes between the reader and the session only.
 *
 * @param key node, application and file sequence: the next file's head has the same node and
 *     application and the sequence after
 * @param block the tail's message so far; null for a head
 * @param lines the head's lines as read (bytes); empty for a tail
 * @param hostIp the node's address from the file header, for the joined message
 */
record TraceFragment(
    Origin origin,
    String node,
    LocalDateTime localTime,
    Key key,
    SipBlock block,
    List<byte[]> lines,
    String hostIp)
    implements TraceRecord {

  /** The file's place in its node's series; {@code sequence} -1 when the name gives none. */
  record Key(String node, int appId, long sequence) {
    Key next() {
      return new Key(node, appId, sequence + 1);
    }
  }

  boolean isTail() {
    return block != null;
  }
}
