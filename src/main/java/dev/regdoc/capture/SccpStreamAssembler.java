package dev.regdoc.capture;

import static dev.regdoc.capture.Bytes.le32;

import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.SccpMessage;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a TCP byte stream into SCCP PDUs: 12-byte little-endian header (data length counting the
 * bytes after the first 8, header version, message id). A header that makes no sense is an anomaly
 * and the stream resynchronises on the next plausible header.
 */
final class SccpStreamAssembler extends StreamAssembler {
  static final int HEADER = 12;
  static final int MAX_DATA_LENGTH = 16 * 1024;

  private boolean resyncing;

  SccpStreamAssembler(String file, Endpoints endpoints, FactSink sink, HeldBytes heldBytes) {
    super(file, endpoints, sink, heldBytes);
  }

  @Override
  protected String protocol() {
    return "SCCP";
  }

  @Override
  protected void resynchronise() {
    resyncing = true;
  }

  @Override
  protected int parse(byte[] b, int off, int n) {
    int skip = 0;
    while (n - skip >= HEADER && !plausible(b, off + skip)) {
      skip++;
    }
    if (skip > 0) {
      reportSkipped(b, off, skip);
      return skip;
    }
    if (n < HEADER) {
      return 0;
    }
    int total = le32(b, off) + 8;
    if (n < total) {
      return 0;
    }
    resyncing = false;
    sink.accept(decode(b, off, total));
    return total;
  }

  private void reportSkipped(byte[] b, int off, int skip) {
    if (!resyncing) {
      anomaly(
          "sccp-bad-header",
          String.format(
              "SCCP header with data length %d, version 0x%X, id 0x%X makes no sense;"
                  + " resynchronised after %d bytes",
              le32(b, off), le32(b, off + 4), le32(b, off + 8), skip));
    }
    resyncing = true;
  }

  private static boolean plausible(byte[] b, int o) {
    int dataLength = le32(b, o);
    int id = le32(b, o + 8);
    if (id == SccpNames.KEEPALIVE_REQ || id == SccpNames.KEEPALIVE_ACK) {
      // no body: a "KeepAliveReq" with a longer length is zero padding, and taking it as a header
      // would swallow the real PDUs after it while waiting for data that never comes
      return dataLength == 4 && SccpNames.knownVersion(le32(b, o + 4));
    }
    return dataLength >= 4
        && dataLength <= MAX_DATA_LENGTH
        && SccpNames.knownVersion(le32(b, o + 4))
        && id >= 0
        && id <= 0xFFFF;
  }

  /** The PDU of {@code total} bytes at {@code off}. */
  private SccpMessage decode(byte[] b, int off, int total) {
    int id = le32(b, off + 8);
    String device = null;
    String ip = null;
    int keepAlive = 0;
    int secondary = 0;
    int code = -1;
    String text = null;
    switch (id) {
      case SccpNames.REGISTER_REQ:
        device = total >= 28 ? cString(b, off + 12, 16) : null;
        ip = total >= 40 ? Bytes.ipv4(b, off + 36) : null;
        break;
      case SccpNames.REGISTER_ACK:
        keepAlive = total >= 16 ? le32(b, off + 12) : 0;
        secondary = total >= 28 ? le32(b, off + 24) : 0;
        break;
      case SccpNames.REGISTER_REJECT:
        text = cString(b, off + 12, Math.min(32, total - 12));
        break;
      case SccpNames.UNREGISTER_REQ:
      case SccpNames.UNREGISTER_ACK:
      case SccpNames.RESET:
        code = total >= 16 ? le32(b, off + 12) : -1;
        break;
      case SccpNames.ALARM:
        code = total >= 16 ? le32(b, off + 12) : -1;
        text = total > 16 ? cString(b, off + 16, Math.min(80, total - 16)) : null;
        break;
      case SccpNames.ENHANCED_ALARM:
        text = xml(b, off, total);
        break;
      default:
        break;
    }
    return new SccpMessage(
        Origin.frame(file, frame, time),
        frameAt(0),
        endpoints,
        id,
        SccpNames.name(id),
        device,
        ip,
        keepAlive,
        secondary,
        code,
        text,
        seqAt(0),
        total);
  }

  /** The XML alarm text (LastOutOfServiceInformation) wherever it starts in the body. */
  private static String xml(byte[] b, int off, int total) {
    String body = new String(b, off + 12, total - 12, StandardCharsets.ISO_8859_1);
    int start = body.indexOf('<');
    if (start < 0) {
      return null;
    }
    int nul = body.indexOf('\0', start);
    return body.substring(start, nul < 0 ? body.length() : nul);
  }

  private static String cString(byte[] b, int off, int max) {
    int end = off;
    while (end < off + max && end < b.length && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.ISO_8859_1).trim();
  }
}
