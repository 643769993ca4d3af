package dev.regdoc.capture;

import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.Transport;

/** Cuts a TCP byte stream into SIP messages by head end and Content-Length. */
final class SipStreamAssembler extends StreamAssembler {
  private final int[] lastLineEnd = new int[1];
  private boolean afterGap;

  SipStreamAssembler(String file, Endpoints endpoints, FactSink sink, HeldBytes heldBytes) {
    super(file, endpoints, sink, heldBytes);
  }

  @Override
  protected String protocol() {
    return "SIP";
  }

  @Override
  protected void resynchronise() {
    afterGap = true;
  }

  @Override
  protected int parse(byte[] b, int off, int n) {
    int end = off + n;
    int start = SipMessages.skipPings(b, off, end);
    if (start == end) {
      return n;
    }
    int found = SipMessages.findStartLine(b, start, end, lastLineEnd);
    if (found < 0) {
      return skipJunk(lastLineEnd[0] - start, lastLineEnd[0] - off);
    }
    if (found > start) {
      return skipJunk(found - start, found - off);
    }
    afterGap = false;
    return parseMessage(b, off, start, end);
  }

  private int skipJunk(int junkBytes, int upTo) {
    if (junkBytes > 0) {
      anomaly(
          afterGap ? "tcp-resync" : "sip-junk-before-start-line",
          junkBytes + " bytes before the next SIP start line were skipped");
    }
    return upTo;
  }

  private int parseMessage(byte[] b, int off, int start, int end) {
    int headEnd = SipMessages.headEnd(b, start, end);
    if (headEnd < 0) {
      return start - off; // consume pings only; wait for the rest of the head
    }
    SipParser.Head h = SipParser.parseHead(b, start, headEnd);
    int body = h.contentLength;
    if (body < 0) {
      h.anomalies.add("sip-no-content-length");
      body = 0;
    }
    if ((long) headEnd + body > end) {
      return start - off;
    }
    int length = headEnd + body - start;
    SipMessages.emit(
        sink,
        SipMessages.toFact(
            h,
            Origin.frame(file, frame, time),
            frameAt(start - off),
            Transport.TCP,
            endpoints,
            seqAt(start - off),
            length));
    return headEnd + body - off;
  }
}
