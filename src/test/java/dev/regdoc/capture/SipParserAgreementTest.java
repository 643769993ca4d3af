package dev.regdoc.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte-level SIP parser reads every head exactly as the original regex parser did: the same
 * start line decision, the same fields and the same anomalies, on real-looking heads and on many
 * seeded mutations of them (case changes, bare LF, folding, odd spacing, junk, flipped and cut
 * bytes).
 */
class SipParserAgreementTest {
  private static final int MUTANTS_PER_HEAD = 4_000;

  private static final List<String> HEADS =
      List.of(
          SipEdgeCaseTest.register(101),
          SipEdgeCaseTest.ok(101),
          "REGISTER sip:10.1.1.2 SIP/2.0\r\n"
              + "i: abc@10.1.1.10\r\n"
              + "CSeq: 7 register\r\n"
              + "m: <sip:5678@10.1.1.10:5060>;expires=0"
              + ";+sip.instance=\"<urn:uuid:00000000-0000-0000-0000-0024142DDF24>\""
              + ";cisco-keep-alive\r\n"
              + "l: 0\r\n\r\n",
          "SIP/2.0 503 Service Unavailable\n"
              + "Call-ID: x\n"
              + "CSeq:  12   REGISTER \n"
              + "Reason: Q.850;cause=41\n"
              + "Warning: 399 cucm\n"
              + "Contact: <sip:a@b>;expires=\"3600\"\n"
              + "Content-Length: 12\n\n",
          "SIP/2.0 200\r\n"
              + "Expires: 3600\r\n"
              + "Expires: 60\r\n"
              + "Contact: <sip:x@y;expires=5>\r\n"
              + "Content-Length: abc\r\n\r\n",
          "OPTIONS sip:cucm SIP/2.0\r\n"
              + "User-Agent: Cisco-CP8845/14.1\r\n"
              + "\tfolded part\r\n"
              + "Subject: x\r\n"
              + "Contact: \"SEP001122334455\""
              + " <sip:1@2>;+u.sip!devicename.ccm.cisco.com=sep001122334455\r\n\r\n",
          "NOTIFY sip:1000@10.1.1.10:5060;transport=tcp SIP/2.0\r\n"
              + "CSeq: 99999999999999999999 NOTIFY\r\n"
              + "Expires: -1\r\n"
              + "Expires: 2147483648\r\n"
              + "Content-Length: +4\r\n\r\n",
          "SIP/2.0 100 Trying \r\nCall-ID:\r\n: no name\r\nContact:\r\n CSeq: 1 A\r\n\r\n");

  @Test
  void agreesOnKnownHeads() {
    for (String head : HEADS) {
      byte[] b = head.getBytes(StandardCharsets.ISO_8859_1);
      assertSameParse(b, head);
    }
  }

  @Test
  void agreesOnSeededMutations() {
    Random random = new Random(20261203);
    int accepted = 0;
    for (String head : HEADS) {
      for (int i = 0; i < MUTANTS_PER_HEAD; i++) {
        byte[] b = mutate(head.getBytes(StandardCharsets.ISO_8859_1), random);
        if (assertSameParse(b, new String(b, StandardCharsets.ISO_8859_1))) {
          accepted++;
        }
      }
    }
    // most mutants keep a valid start line, so the header parsing is compared too, not only
    // rejection
    assertThat(accepted).isGreaterThan(HEADS.size() * MUTANTS_PER_HEAD / 2);
  }

  @Test
  void startLineDecisionMatchesTheRegexes() {
    String[] lines = {
      "SIP/2.0 200 OK",
      "SIP/2.0 200",
      "SIP/2.0 20",
      "SIP/2.0 2000",
      "SIP/2.0 200 ",
      "SIP/2.0 200\tOK",
      "SIP/2.0 200 O\rK",
      "SIP/2.0 200 O\u0085K",
      "REGISTER sip:x SIP/2.0",
      "REGISTER  SIP/2.0",
      "REGISTER   SIP/2.0",
      "register sip:x SIP/2.0",
      "R sip:x SIP/2.0",
      "RE_G-X sip:x SIP/2.0",
      "REGISTER sip:x  SIP/2.0",
      "REGISTER sip:x SIP/2.0 ",
      "REGISTER sip:\u00e9 SIP/2.0",
      "REGISTER sip:a\u000bb SIP/2.0",
      "A b SIP/2.0",
      " SIP/2.0",
      "SIP/2.0",
      "",
      "X SIP/2.0"
    };
    for (String line : lines) {
      byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
      assertThat(SipParser.isStartLine(b, 0, b.length))
          .as("start line? [%s]", line)
          .isEqualTo(RegexSipParser.isStartLine(line));
    }
  }

  /** Compares both parsers on one head; returns whether it was a SIP head at all. */
  private static boolean assertSameParse(byte[] b, String shown) {
    RegexSipParser.Head expected = RegexSipParser.parseHead(b, 0, b.length);
    SipParser.Head actual = SipParser.parseHead(b, 0, b.length);
    if (expected == null) {
      assertThat(actual).as("not SIP: %s", shown).isNull();
      return false;
    }
    assertThat(actual).as("parsed: %s", shown).isNotNull();
    assertThat(fields(actual))
        .as("fields of: %s", shown)
        .containsExactlyElementsOf(fields(expected));
    return true;
  }

  private static List<Object> fields(SipParser.Head h) {
    return Arrays.asList(
        h.request,
        h.method,
        h.status,
        h.reason,
        h.requestUri,
        h.callId,
        h.cseq,
        h.cseqMethod,
        h.expires,
        h.contactExpires,
        h.contact,
        h.deviceName,
        h.instanceMac,
        h.ciscoKeepAlive,
        h.userAgent,
        h.reasonHeader,
        h.viaBranch,
        h.contentLength,
        h.anomalies);
  }

  private static List<Object> fields(RegexSipParser.Head h) {
    return Arrays.asList(
        h.request,
        h.method,
        h.status,
        h.reason,
        h.requestUri,
        h.callId,
        h.cseq,
        h.cseqMethod,
        h.expires,
        h.contactExpires,
        h.contact,
        h.deviceName,
        h.instanceMac,
        h.ciscoKeepAlive,
        h.userAgent,
        h.reasonHeader,
        h.viaBranch,
        h.contentLength,
        h.anomalies);
  }

  private static final byte[] INTERESTING =
      " \t\r\n:;\"<>,-=+0123456789aAzZ\u00e9\u0085\u00ff".getBytes(StandardCharsets.ISO_8859_1);

  /**
   * One to three small edits; the start line is edited less often so that most mutants stay SIP.
   */
  private static byte[] mutate(byte[] head, Random random) {
    List<Byte> b = new ArrayList<>(head.length + 8);
    for (byte x : head) {
      b.add(x);
    }
    int edits = 1 + random.nextInt(3);
    int firstLine = head.length > 0 ? indexOf(head, (byte) '\n') + 1 : 0;
    for (int e = 0; e < edits && !b.isEmpty(); e++) {
      int at =
          random.nextInt(10) == 0
              ? random.nextInt(b.size())
              : firstLine + random.nextInt(Math.max(1, b.size() - firstLine));
      at = Math.min(at, b.size() - 1);
      switch (random.nextInt(6)) {
        case 0: // flip the case of a letter
          b.set(
              at,
              (byte)
                  (Character.isLetter((char) (b.get(at) & 0xff)) ? b.get(at) ^ 0x20 : b.get(at)));
          break;
        case 1: // insert an interesting byte
          b.add(at, INTERESTING[random.nextInt(INTERESTING.length)]);
          break;
        case 2: // delete a byte (drops CRs, colons, digits...)
          b.remove(at);
          break;
        case 3: // replace with an interesting byte
          b.set(at, INTERESTING[random.nextInt(INTERESTING.length)]);
          break;
        case 4: // fold: a line break and a space
          b.add(at, (byte) ' ');
          b.add(at, (byte) '\n');
          break;
        default: // cut the head short, as a snap length would
          while (b.size() > at + 1) {
            b.remove(b.size() - 1);
          }
          break;
      }
    }
    byte[] out = new byte[b.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.get(i);
    }
    return out;
  }

  private static int indexOf(byte[] b, byte x) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }
}
