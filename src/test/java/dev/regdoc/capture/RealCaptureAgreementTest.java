package dev.regdoc.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regdoc.facts.ArpBinding;
import dev.regdoc.facts.ArpPacket;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TcpRetransmission;
import dev.regdoc.testing.Capture;
import dev.regdoc.testing.RealData;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * regdoc's facts on real public captures agree with what tshark 4.0 recorded for the same files
 * (src/test/scripts/record-tshark-counts.sh, src/test/resources/real-captures/tshark-counts.json):
 * REGISTER frame numbers, SIP requests by method, responses by status code, SCCP messages by id,
 * TCP retransmission frames on signaling ports, ARP requests/replies and IP to MAC bindings.
 * Differences are allowed only where the recorded file names them with a reason.
 */
class RealCaptureAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> FIELDS =
      List.of(
          "sipRegisterFrames",
          "sipRequests",
          "sipStatus",
          "sccpMessages",
          "tcpRetransmissionFrames",
          "arpRequests",
          "arpReplies",
          "arpBindings");

  static JsonNode recorded() throws IOException {
    try (InputStream in =
        RealCaptureAgreementTest.class.getResourceAsStream("/real-captures/tshark-counts.json")) {
      return JSON.readTree(in);
    }
  }

  static Stream<Arguments> files() throws IOException {
    return StreamSupport.stream(recorded().get("files").spliterator(), false)
        .map(n -> Arguments.of(Named.of(n.get("file").asText(), n)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void regdocAgreesWithTshark(JsonNode tshark) {
    Integer[] extra =
        StreamSupport.stream(tshark.get("extraSipPorts").spliterator(), false)
            .map(JsonNode::asInt)
            .toArray(Integer[]::new);
    Capture c = Capture.read(RealData.pcap(tshark.get("file").asText()), extra);
    ObjectNode regdoc = regdocCounts(c);

    ObjectNode expected = tshark.deepCopy();
    for (JsonNode d : tshark.get("differences")) {
      assertThat(d.get("reason").asText()).as("every difference has a reason").isNotBlank();
      String[] path = d.get("field").asText().split("/");
      ObjectNode parent = path.length == 1 ? expected : (ObjectNode) expected.get(path[0]);
      String key = path[path.length - 1];
      assertThat(parent.get(key))
          .as("recorded difference %s is stale: tshark now agrees", d.get("field"))
          .isNotEqualTo(d.get("regdoc"));
      if (d.get("regdoc").isNull()) {
        parent.remove(key);
      } else {
        parent.set(key, d.get("regdoc"));
      }
    }
    SoftAssertions soft = new SoftAssertions();
    for (String field : FIELDS) {
      soft.assertThat(regdoc.get(field))
          .as("%s: %s", tshark.get("file").asText(), field)
          .isEqualTo(expected.get(field));
    }
    soft.assertThat(notIpv4ArpCount(c))
        .as("%s: ARP frames regdoc reports as arp-not-ipv4", tshark.get("file").asText())
        .isEqualTo(tshark.get("arpNotEthernetIpv4").asLong());
    soft.assertAll();
  }

  static ObjectNode regdocCounts(Capture c) {
    List<SipMessage> sip = c.of(SipMessage.class);
    ObjectNode n = JSON.createObjectNode();
    n.set(
        "sipRegisterFrames",
        JSON.valueToTree(
            sip.stream()
                .filter(m -> m.request() && "REGISTER".equals(m.method()))
                .map(m -> (int) m.origin().frame())
                .sorted()
                .toList()));
    n.set(
        "sipRequests",
        JSON.valueToTree(count(sip.stream().filter(SipMessage::request).map(SipMessage::method))));
    n.set(
        "sipStatus",
        JSON.valueToTree(
            count(sip.stream().filter(m -> !m.request()).map(m -> String.valueOf(m.status())))));
    n.set(
        "sccpMessages",
        JSON.valueToTree(
            count(
                c.of(SccpMessage.class).stream()
                    .map(m -> String.format("0x%04X", m.messageId())))));
    n.set(
        "tcpRetransmissionFrames",
        JSON.valueToTree(
            c.of(TcpRetransmission.class).stream()
                .map(r -> (int) r.origin().frame())
                .distinct()
                .sorted()
                .toList()));
    List<ArpPacket> arp = c.of(ArpPacket.class);
    n.put("arpRequests", (int) arp.stream().filter(a -> !a.reply()).count());
    n.put("arpReplies", (int) arp.stream().filter(ArpPacket::reply).count());
    n.set(
        "arpBindings",
        JSON.valueToTree(
            c.of(ArpBinding.class).stream()
                .map(b -> b.ip() + " " + b.mac())
                .distinct()
                .sorted()
                .toList()));
    return n;
  }

  /** Anomaly facts stop at 20 per code; beyond that the summary states the total. */
  static long notIpv4ArpCount(Capture c) {
    for (String p : c.summary().problems()) {
      Matcher m = Pattern.compile(": (\\d+) frames with anomaly arp-not-ipv4 ").matcher(p);
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
    }
    return c.anomalyCodes().stream().filter("arp-not-ipv4"::equals).count();
  }

  private static Map<String, Integer> count(Stream<String> values) {
    Map<String, Integer> m = new TreeMap<>();
    values.forEach(v -> m.merge(v, 1, Integer::sum));
    return m;
  }
}
