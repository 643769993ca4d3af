package dev.regdoc.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.facts.Fact;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TcpDelivered;
import dev.regdoc.facts.TcpRetransmission;
import java.util.ArrayList;
import java.util.List;

/**
 * A fact sink that checks what every reader promises about its facts as they arrive: each names the
 * file it came from, capture facts come in frame order, messages lie within the frames and bytes
 * that made them. Keeps the facts for the checks a harness makes at the end.
 */
final class FactChecks implements FactSink {
  private final String file;
  private final boolean capture;
  private final List<Fact> facts = new ArrayList<>();
  private long lastFrame;

  private FactChecks(String file, boolean capture) {
    this.file = file;
    this.capture = capture;
  }

  static FactChecks forCapture(String file) {
    return new FactChecks(file, true);
  }

  static FactChecks forText(String file) {
    return new FactChecks(file, false);
  }

  @Override
  public void accept(Fact fact) {
    assertThat(fact.origin()).as("origin of %s", fact).isNotNull();
    assertThat(fact.origin().file()).as("file named by %s", fact).isEqualTo(file);
    if (capture) {
      long frame = fact.origin().frame();
      assertThat(frame).as("frame of %s", fact).isPositive().isGreaterThanOrEqualTo(lastFrame);
      assertThat(fact.origin().line()).isZero();
      lastFrame = frame;
      messageWithinItsFrames(fact, frame);
    } else {
      assertThat(fact.origin().line()).as("line of %s", fact).isPositive();
      assertThat(fact.origin().frame()).isZero();
    }
    facts.add(fact);
  }

  private static void messageWithinItsFrames(Fact fact, long frame) {
    if (fact instanceof SipMessage m) {
      assertThat(m.firstFrame()).as("first frame of %s", m).isBetween(1L, frame);
      assertThat(m.tcpLength()).as("length of %s", m).isPositive();
      if (m.request()) {
        assertThat(m.method()).as("method of %s", m).isNotEmpty();
      }
      assertThat(m.status()).as("status of %s", m).isBetween(0, 999);
    } else if (fact instanceof SccpMessage m) {
      assertThat(m.firstFrame()).as("first frame of %s", m).isBetween(1L, frame);
      assertThat(m.length()).as("length of %s", m).isBetween(12, 16 * 1024 + 8);
    } else if (fact instanceof TcpRetransmission r) {
      assertThat(r.attempt()).isPositive();
      assertThat(r.originalFrame()).isBetween(0L, frame);
    } else if (fact instanceof TcpDelivered d) {
      assertThat(d.attempts()).isPositive();
      assertThat(d.firstFrame()).isLessThanOrEqualTo(d.lastAttemptFrame());
    }
  }

  List<Fact> facts() {
    return facts;
  }

  long count(Class<? extends Fact> type) {
    return facts.stream().filter(type::isInstance).count();
  }

  long lastFrame() {
    return lastFrame;
  }
}
