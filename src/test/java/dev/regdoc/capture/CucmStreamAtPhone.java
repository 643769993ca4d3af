package dev.regdoc.capture;

import static dev.regdoc.testing.TestPcap.ACK;
import static dev.regdoc.testing.TestPcap.PSH;
import static dev.regdoc.testing.TestPcap.SYN;

import dev.regdoc.testing.Capture;
import dev.regdoc.testing.TestPcap;
import java.nio.file.Path;

/**
 * The CUCM's data toward the phone as the phone's capture holds it, for the tests of holes in a
 * stream: its SYN/ACK (frame 1), then its second message ahead of its first (frame 2).
 */
final class CucmStreamAtPhone {
  static final String PHONE = "192.0.2.45";
  static final String CUCM = "198.51.100.10";
  static final int PP = 47192;

  /** The CUCM's first data byte. */
  static final long FIRST = 501;

  private CucmStreamAtPhone() {}

  static TestPcap secondArrivesFirst(String firstMessage, String secondMessage) {
    return new TestPcap()
        .at(2.04)
        .tcp(CUCM, 5060, PHONE, PP, FIRST - 1, 101, SYN | ACK, "")
        .at(2.252)
        .tcp(CUCM, 5060, PHONE, PP, FIRST + firstMessage.length(), 101, ACK | PSH, secondMessage);
  }

  static Capture read(Path dir, TestPcap p) throws Exception {
    return Capture.read(p.write(dir.resolve("phone.pcap")));
  }
}
