package dev.regdoc.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A capture repeats the same texts in every message of a phone (its Call-ID, Contact, User-Agent,
 * addresses): a long capture keeps them once, not once per message, so its memory grows with the
 * distinct values and not with the messages.
 */
class SharedTextTest {
  private static final String REGISTER =
      "REGISTER sip:198.51.100.10 SIP/2.0\r\n"
          + "Via: SIP/2.0/TCP 192.0.2.21:51234;branch=z9hG4bK%s\r\n"
          + "From: <sip:1001@198.51.100.10>;tag=abc\r\n"
          + "To: <sip:1001@198.51.100.10>\r\n"
          + "Call-ID: 00112233-44550001@192.0.2.21\r\n"
          + "CSeq: %d REGISTER\r\n"
          + "Contact: <sip:1001@192.0.2.21:51234;transport=tcp>;"
          + "+u.sip!devicename.ccm.cisco.com=\"SEP001122334455\"\r\n"
          + "User-Agent: Cisco-CP8845/14.2.1\r\n"
          + "Expires: 3600\r\n"
          + "Content-Length: 0\r\n\r\n";

  private static SipParser.Head parse(int cseq) {
    byte[] b = String.format(REGISTER, "branch" + cseq, cseq).getBytes(StandardCharsets.ISO_8859_1);
    // a copy of its own, as each packet's bytes are
    return SipParser.parseHead(b.clone(), 0, b.length);
  }

  @Test
  void theSameHeaderValuesOfTwoMessagesAreOneString() {
    SipParser.Head first = parse(101);
    SipParser.Head second = parse(102);

    assertThat(second.callId).isEqualTo("00112233-44550001@192.0.2.21").isSameAs(first.callId);
    assertThat(second.contact).isSameAs(first.contact);
    assertThat(second.userAgent).isSameAs(first.userAgent);
    assertThat(second.requestUri).isSameAs(first.requestUri);
    // the values that differ stay their own
    assertThat(second.viaBranch).isEqualTo("z9hG4bKbranch102").isNotEqualTo(first.viaBranch);
  }

  /**
   * The bench's mixed capture: thousands of phones registering in turn, each message with a branch
   * of its own. Each phone's texts stay one String however often it registers: the texts that never
   * recur (the branches) do not push the recurring ones out of the table.
   */
  @Test
  void thousandsOfPhonesRegisteringInTurnKeepEachPhonesTextsOnce() {
    // the table is the process's: count from an empty one, not from what earlier tests read
    SharedText.forget();
    int phones = 4000;
    int rounds = 8;
    List<Integer> order = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (int p = 0; p < phones; p++) {
        order.add(p);
      }
    }
    Collections.shuffle(order, new Random(15));
    Set<String> held = Collections.newSetFromMap(new IdentityHashMap<>());
    int[] cseq = new int[phones];
    for (int p : order) {
      SipParser.Head h = phoneRegister(p, ++cseq[p]);
      held.add(h.callId);
      held.add(h.contact);
      held.add(h.reasonHeader);
      held.add(h.instanceMac);
      held.add(h.deviceName);
    }

    // five texts a phone, kept once each; a few more where two phones' texts meet in the table
    assertThat(held.size()).isLessThan(phones * 5 * 11 / 10);
  }

  private static SipParser.Head phoneRegister(int p, int cseq) {
    String mac = String.format("%012x", 0x001122000000L + p);
    String ip = "192.0.2." + (p & 255);
    String text =
        "REGISTER sip:198.51.100.10 SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP "
            + ip
            + ":50000;branch=z9hG4bK"
            + p
            + "x"
            + cseq
            + "\r\nCall-ID: call-"
            + p
            + "@bench\r\nCSeq: "
            + cseq
            + " REGISTER\r\nContact: <sip:"
            + p
            + "@"
            + ip
            + ":50000;transport=tcp>;+u.sip!devicename.ccm.cisco.com=\"SEP"
            + mac.toUpperCase(Locale.ROOT)
            + "\";+sip.instance=\"<urn:uuid:00000000-0000-0000-0000-"
            + mac
            + ">\"\r\n"
            + "Reason: SIP;cause=200;text=\"cisco-alarm:25 Name=SEP"
            + mac
            + "\"\r\n"
            + "Expires: 3600\r\nContent-Length: 0\r\n\r\n";
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    return SipParser.parseHead(b, 0, b.length);
  }

  @Test
  void theSameAddressTwiceIsOneString() {
    byte[] a = {0, 0, 0, (byte) 192, 0, 2, 21};
    byte[] b = {9, (byte) 192, 0, 2, 21};

    String first = Bytes.ipv4(a, 3);
    String second = Bytes.ipv4(b, 1);

    assertThat(second).isEqualTo("192.0.2.21").isSameAs(first);
    assertThat(Bytes.ipv4(new byte[] {(byte) 192, 0, 2, 22}, 0)).isEqualTo("192.0.2.22");
  }
}
