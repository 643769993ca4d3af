package dev.regdoc.analysis;

import static dev.regdoc.analysis.FaultCodes.DUPLEX;
import static dev.regdoc.analysis.FaultCodes.FW;
import static dev.regdoc.analysis.FaultCodes.HUNG;
import static dev.regdoc.analysis.FaultCodes.LATE;
import static dev.regdoc.analysis.FaultCodes.LOST;
import static dev.regdoc.analysis.FaultCodes.PSA;
import static dev.regdoc.analysis.FaultCodes.RESTARTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.diagnosis.Finding;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.testing.TestAnalyzers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The look-alike faults of the namespace lab (fixtures/lab), each judged on the input subsets an
 * engineer may have: a root cause is named only when the given evidence rules out its rivals,
 * otherwise the answer says what is undecided and which one item decides it. Prints the matrix of
 * expected against got.
 *
 * <p>The expected answers are the manifest's ground truth where the manifest says the subset
 * "decides"; where it says the subset cannot, or only "suggests", the table below chooses, as a TAC
 * engineer would:
 *
 * <ul>
 *   <li>port-security-aging, phone capture only: the pattern (the first copy after every idle
 *       period lost, its one retransmission passing) already rules out a firewall (which drops
 *       every copy) and random loss (not tied to idle periods), so the truth stands at lower
 *       confidence, with evidence-missing asking for the switch port's configuration, the one item
 *       that confirms it.
 *   <li>firewall-idle-timeout, phone capture only: every copy of the refresh unanswered after the
 *       idle period and the new connection answered at once fits a firewall that forgot the
 *       connection and a CUCM that lost it alike: undetermined between idle-connection-teardown and
 *       cucm-not-responding, and the firewall's {@code timeout conn} (step asa-config) decides.
 *   <li>cucm-hung without the CUCM-side capture: the CUCM host TCP-acknowledged the REGISTERs and
 *       no SIP answer came back, on a new connection too: either the CUCM did not answer or its
 *       answers were lost on the way back. Undetermined between cucm-not-responding and
 *       keepalive-lost-in-network, and the CUCM-side capture (step cucm-capture) decides. Never "no
 *       fault": the phone gave up.
 *   <li>duplicate-ip, every subset: another MAC claiming the phone's own address is a fault on its
 *       own; arp-conflict is the answer even when the CUCM side is missing.
 *   <li>arp-poisoning: one capture (arp.pcap, no phone) in every subset; one MAC claiming the
 *       gateway's address and another host's is poisoning, not a duplicate address.
 *   <li>firewall-idle-timeout, phone capture + CallManager traces: the trace is the CUCM side, so
 *       it shows that no copy of the refresh after idle reached the CUCM, as the CUCM-side capture
 *       does: the firewall leads (not undetermined as with the phone capture only), and its {@code
 *       timeout conn} (step asa-config) is asked for to confirm it.
 *   <li>sccp-firewall-idle (an SCCP phone, keepalive every 60 s, behind a firewall that forgets a
 *       connection idle for 45 s), phone capture only: the same pattern as the SIP firewall (every
 *       copy of the keepalive after the idle period unanswered, the new connection answered at
 *       once), so the same answer: undetermined between the firewall and the CUCM, and the
 *       firewall's {@code timeout conn} decides.
 *   <li>asymmetric-return (the CUCM's answers routed through a router that drops them) without the
 *       CUCM side: nothing came back at all, not even a TCP ACK or the new connection's SYN/ACK, so
 *       the phone cannot tell a lost request from a lost answer or a CUCM host that is down:
 *       registration-unanswered (a mechanism, no root cause) asking for simultaneous captures. With
 *       the CUCM side (capture or trace) the answers are seen leaving the CUCM: keepalives lost in
 *       the network, and never "the CUCM did not answer".
 *   <li>tls-port-security-aging (SIP over TLS on 5061): no SIP is readable, but the TCP pattern is
 *       port security's (the first copy of the phone's record after each idle period lost, its one
 *       retransmission passing, the CUCM side holding only the retransmission), so a TAC engineer
 *       answers as for SIP over TCP.
 *   <li>duplex-mismatch, phone capture only: the first copy of each refresh lost looks like port
 *       security, but the phone's own capture also shows data the CUCM sent arriving only when sent
 *       again, after later data (the phone's ACK stuck below it): frames were lost toward the
 *       phone, which port security never does. Undetermined between a duplex mismatch on the
 *       phone's port and loss further along, and the port's error counters (step switch-port)
 *       decide.
 *   <li>cucm-service-restart (the CallManager service stops at 60 s and starts again at 110 s):
 *       every subset with a capture decides: the CUCM host reset the registered connection and
 *       answered the phone's new SYNs with resets of its own TTL (nothing listened on 5060), then
 *       accepted and answered the REGISTER. A firewall, a loss on the path and port security are
 *       ruled out by the same refusals (the phone's packets reached the host, its answers came
 *       back). The CUCM syslog alone (two EndPointRegistered, no unregistration) decides nothing
 *       and is not a subset here.
 *   <li>cucm-slow-answer (from 60 s the CUCM sends 100 Trying at once and the 200 OK 40 s later,
 *       after the phone's Timer F of 32 s has made it reset the connection), ground truth
 *       cucm-not-responding: the CUCM did not answer the REGISTER in time, which is what the phone
 *       and the CUCM's Reason=13 react to, whether it was slow or silent. With the CUCM-side
 *       capture the REGISTER is there and no 200 OK was sent before the phone's reset. Without it
 *       the 100 Trying proves the request reached the CUCM, but a 200 OK dropped on the way back (a
 *       SIP-inspecting firewall passes the 100 and drops the 200, for one) looks the same from the
 *       phone: undetermined between cucm-not-responding and keepalive-lost-in-network, as for
 *       cucm-hung, and the CUCM-side capture (step cucm-capture) decides.
 *   <li>cucm-late-answer (the same slow CUCM, the 200 OK 25 s after the 100 Trying: inside the
 *       phone's Timer F, after the CUCM's own deadline of 130 s, so the CUCM unregisters the phone
 *       with Reason=13 and registers it again when it answers): the phone never lost anything, but
 *       the CUCM's answer did not come in time, ground truth cucm-not-responding, never "no fault".
 *       With the CUCM-side capture the 200 OK is seen leaving the CUCM late, not delayed on the
 *       way. Without it, a 200 OK that TCP had to resend many times looks the same from the phone:
 *       undetermined between cucm-not-responding and keepalive-lost-in-network, and the CUCM-side
 *       capture (step cucm-capture) decides.
 *   <li>phone-late-refresh (the phone's own timer refreshes 140 s after each 200 OK that granted
 *       120 s, past the CUCM's deadline of 130 s; the CUCM unregisters it with Reason=13 and
 *       registers it again when the refresh arrives, answered at once): every subset with the
 *       phone's capture decides for the phone, which sent each refresh late at its first
 *       transmission with nothing lost before it, ruling out loss on the path, port security, a
 *       firewall and the CUCM; its configuration (step sip-timers) tells its SIP profile from its
 *       firmware. The CUCM's capture alone shows the refresh arriving after the lapse, answered at
 *       once, nothing numbered before it missing: first copies lost before it (port security, loss
 *       on the path) and a phone that sent it late all fit, and the phone-side capture (step
 *       phone-capture) decides.
 *   <li>The CUCM's capture alone ("CUCM capture only"): what the phone sent and lost before it is
 *       not in it. firewall-idle-timeout: the REGISTER the phone numbered next never arrived and
 *       the one after came on a new connection after CUCM's deadline, answered at once:
 *       undetermined between the firewall and loss on the path, the CUCM and port security ruled
 *       out, and the firewall's {@code timeout conn} decides. asymmetric-return: the CUCM sent its
 *       answers again and again, never acknowledged, while the phone resent its own: undetermined
 *       between loss toward the phone and another host holding its address, and the phone-side
 *       capture decides. duplicate-ip: the REGISTERs went unanswered because the phone's address
 *       reset each connection at the CUCM's first answer: registration-unanswered, asking for both
 *       captures. tls-port-security-aging: nothing readable, encrypted-signaling. The CUCM-side
 *       faults (hung, slow, late, restarted) are decided there.
 * </ul>
 *
 * <p>{@link #GAPS} lists the rows where regdoc does not give that answer yet, with what it says
 * instead: those rows assert today's answer, so fixing one fails the row until it moves out of the
 * list, and a gap can never widen unnoticed.
 *
 * <p>Each row also lists codes the scenario's evidence rules out; none of them may appear anywhere
 * in the answer.
 */
class LookAlikeMatrixTest {
  private static final Path LAB = Path.of("src/test/resources/fixtures/lab");
  private static final Map<String, List<String>> SUBSETS = new LinkedHashMap<>();

  static {
    SUBSETS.put(
        "all files",
        List.of(
            "phone.pcap",
            "cucm.pcap",
            "cucm-syslog.log",
            "switch-syslog.log",
            "switch-config.txt",
            "asa-config.txt",
            "arp.pcap"));
    SUBSETS.put(
        "both captures + configs",
        List.of("phone.pcap", "cucm.pcap", "switch-config.txt", "asa-config.txt", "arp.pcap"));
    SUBSETS.put(
        "phone capture + configs",
        List.of("phone.pcap", "switch-config.txt", "asa-config.txt", "arp.pcap"));
    SUBSETS.put("phone capture only", List.of("phone.pcap", "arp.pcap"));
    // RTMT's CallManager traces instead of the CUCM-side capture and syslog (scenarios with traces)
    SUBSETS.put(
        "phone capture + traces + configs",
        List.of(
            "phone.pcap", "rtmt-traces.zip", "switch-config.txt", "asa-config.txt", "arp.pcap"));
    SUBSETS.put("phone capture + traces", List.of("phone.pcap", "rtmt-traces.zip", "arp.pcap"));
    // what the CUCM's side alone shows: what the phone sent and lost before it is not in it
    SUBSETS.put("CUCM capture only", List.of("cucm.pcap"));
  }

  /**
   * Where the subset cannot decide: scenario -> subset -> expected answer (see the class comment).
   */
  private static final Map<String, Map<String, String>> UNDECIDED =
      Map.ofEntries(
          Map.entry(
              "port-security-aging",
              Map.of("phone capture only", PSA + " + evidence-missing:switch-port")),
          Map.entry(
              "firewall-idle-timeout",
              Map.of(
                  "phone capture only",
                  "undetermined[" + HUNG + "," + FW + "] + evidence-missing:asa-config",
                  "phone capture + traces",
                  FW + " + evidence-missing:asa-config",
                  "CUCM capture only",
                  "undetermined[" + FW + "," + LOST + "] + evidence-missing:asa-config")),
          Map.entry(
              "cucm-hung",
              Map.of(
                  "phone capture + configs",
                      "undetermined[" + HUNG + "," + LOST + "] + evidence-missing:cucm-capture",
                  "phone capture only",
                      "undetermined[" + HUNG + "," + LOST + "] + evidence-missing:cucm-capture",
                  "phone capture + traces + configs",
                      "undetermined[" + HUNG + "," + LOST + "] + evidence-missing:cucm-capture",
                  "phone capture + traces",
                      "undetermined[" + HUNG + "," + LOST + "] + evidence-missing:cucm-capture")),
          Map.entry(
              "sccp-firewall-idle",
              Map.of(
                  "phone capture only",
                  "undetermined[" + HUNG + "," + FW + "] + evidence-missing:asa-config",
                  "CUCM capture only",
                  "undetermined[" + FW + "," + LOST + "] + evidence-missing:asa-config")),
          Map.entry(
              "asymmetric-return",
              Map.of(
                  "phone capture + configs",
                      "registration-unanswered + evidence-missing:simultaneous-captures",
                  "phone capture only",
                      "registration-unanswered + evidence-missing:simultaneous-captures",
                  "CUCM capture only",
                      "undetermined[arp-conflict," + LOST + "] + evidence-missing:phone-capture")),
          Map.entry(
              "tls-port-security-aging",
              Map.of(
                  "phone capture only",
                  PSA + " + evidence-missing:switch-port",
                  "CUCM capture only",
                  "encrypted-signaling")),
          Map.entry(
              "duplicate-ip",
              Map.of(
                  "CUCM capture only",
                  "registration-unanswered + evidence-missing:simultaneous-captures")),
          Map.entry(
              "duplex-mismatch",
              Map.of(
                  "phone capture only",
                  "undetermined[" + DUPLEX + "," + LOST + "] + evidence-missing:switch-port")),
          Map.entry(
              "cucm-late-answer",
              Map.of(
                  "phone capture + configs",
                      "undetermined[" + HUNG + "," + LOST + "] + evidence-missing:cucm-capture",
                  "phone capture only",
                      "undetermined[" + HUNG + "," + LOST + "] + evidence-missing:cucm-capture")),
          Map.entry(
              "cucm-slow-answer",
              Map.of(
                  "phone capture + configs",
                      "undetermined[" + HUNG + "," + LOST + "] + evidence-missing:cucm-capture",
                  "phone capture only",
                      "undetermined[" + HUNG + "," + LOST + "] + evidence-missing:cucm-capture")),
          Map.entry(
              "phone-late-refresh",
              Map.of(
                  "CUCM capture only",
                  "undetermined["
                      + LOST
                      + ","
                      + LATE
                      + ","
                      + PSA
                      + "] + evidence-missing:phone-capture")));

  /**
   * Rows regdoc does not answer as expected yet: scenario -> subset -> what it answers today. Each
   * is a known weakness named in the report that added it, not an accepted answer.
   */
  private static final Map<String, Map<String, String>> GAPS =
      Map.of(
          // what the phone lost before the CUCM and TCP recovered, or never sent the CUCM's way, is
          // not in the CUCM's capture, and the registration did not lapse while it ran: regdoc says
          // so (no fault found, the phone-side capture asked for), where it should not call it
          // healthy at all
          "port-security-aging",
              Map.of("CUCM capture only", "no-fault-found + evidence-missing:phone-capture"),
          "duplex-mismatch",
              Map.of("CUCM capture only", "no-fault-found + evidence-missing:phone-capture"),
          // on the phone's own subnet nothing tells the CUCM's capture from the phone's: no ask
          "proxy-arp", Map.of("CUCM capture only", "no-fault-found"));

  /** Codes each scenario's evidence rules out: none may appear in any subset's answer. */
  private static final Map<String, Set<String>> RULED_OUT =
      Map.ofEntries(
          Map.entry("port-security-aging", Set.of(FW, HUNG, LATE, "no-fault-found")),
          Map.entry("firewall-idle-timeout", Set.of(PSA, LATE, "no-fault-found")),
          Map.entry("proxy-arp", Set.of(PSA, "arp-conflict", "no-fault-found")),
          Map.entry("duplicate-ip", Set.of(PSA, HUNG, "no-fault-found")),
          Map.entry("cucm-hung", Set.of(PSA, FW, "no-fault-found")),
          Map.entry("random-loss", Set.of(PSA, FW, HUNG, LATE)),
          Map.entry("healthy-long-aging", Set.of(PSA, FW, HUNG, LOST)),
          Map.entry("healthy-clock-skew", Set.of(PSA, FW, HUNG, LOST)),
          Map.entry(
              "arp-poisoning",
              Set.of("arp-conflict", "proxy-arp", "no-fault-found", "no-registration-evidence")),
          Map.entry("sccp-firewall-idle", Set.of(PSA, HUNG, "no-fault-found")),
          Map.entry("tls-port-security-aging", Set.of(FW, HUNG, "no-fault-found")),
          Map.entry("asymmetric-return", Set.of(PSA, FW, HUNG, "arp-conflict", "no-fault-found")),
          Map.entry(
              "duplex-mismatch", Set.of(PSA, FW, HUNG, LATE, "arp-conflict", "no-fault-found")),
          Map.entry(
              "cucm-service-restart",
              Set.of(PSA, FW, HUNG, LOST, LATE, "arp-conflict", "no-fault-found")),
          Map.entry(
              "cucm-slow-answer",
              Set.of(PSA, FW, RESTARTED, LATE, "arp-conflict", "no-fault-found")),
          Map.entry(
              "cucm-late-answer",
              Set.of(PSA, FW, RESTARTED, LATE, "arp-conflict", "no-fault-found")),
          Map.entry(
              "phone-late-refresh",
              Set.of(
                  PSA,
                  FW,
                  HUNG,
                  LOST,
                  DUPLEX,
                  RESTARTED,
                  "sip-refresh-late",
                  "arp-conflict",
                  "no-fault-found")));

  /**
   * The rivals the top finding must list as ruled out (with why and where) when every file is
   * given: the look-alikes of each fault that a TAC engineer would name and exclude.
   */
  private static final Map<String, Set<String>> BEATEN =
      Map.ofEntries(
          Map.entry(
              "port-security-aging", Set.of(FW, HUNG, "random-loss", "proxy-arp", "arp-conflict")),
          Map.entry("firewall-idle-timeout", Set.of(PSA, HUNG, "random-loss")),
          Map.entry("proxy-arp", Set.of("arp-conflict", HUNG)),
          Map.entry("duplicate-ip", Set.of(HUNG, "proxy-arp")),
          Map.entry("cucm-hung", Set.of(PSA, FW, "random-loss", "arp-conflict")),
          Map.entry("random-loss", Set.of(PSA, FW)),
          Map.entry("healthy-long-aging", Set.of(PSA)),
          Map.entry("sccp-firewall-idle", Set.of(PSA, HUNG, "random-loss")),
          Map.entry(
              "tls-port-security-aging",
              Set.of(FW, HUNG, "random-loss", "proxy-arp", "arp-conflict")),
          Map.entry("asymmetric-return", Set.of(HUNG)),
          Map.entry("duplex-mismatch", Set.of(PSA, FW, HUNG)),
          Map.entry("cucm-service-restart", Set.of(PSA, FW, LOST)),
          Map.entry("cucm-slow-answer", Set.of(PSA, FW, "random-loss", "arp-conflict")),
          Map.entry("cucm-late-answer", Set.of(PSA, FW, "random-loss")),
          Map.entry("phone-late-refresh", Set.of(LOST, PSA, FW, HUNG)));

  private static Analyzer analyzer;
  private static final Map<String, String> printed = new LinkedHashMap<>();

  @BeforeAll
  static void compileRules() {
    analyzer = TestAnalyzers.repositoryRules();
  }

  @AfterAll
  static void printMatrix() {
    StringBuilder b =
        new StringBuilder(
            "| scenario | inputs | expected | got | ruled out | ok |\n|---|---|---|---|---|---|\n");
    printed.forEach((k, v) -> b.append(k).append(v).append('\n'));
    System.out.println(b);
  }

  record Row(String scenario, String subset, String expected, String gap) {
    @Override
    public String toString() {
      return scenario + " / " + subset;
    }
  }

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line :
        Files.readAllLines(LAB.resolve("manifest.tsv"))
            .subList(1, Files.readAllLines(LAB.resolve("manifest.tsv")).size())) {
      String[] c = line.split("\t");
      String scenario = c[0];
      Set<List<Path>> seen = new LinkedHashSet<>();
      for (var s : SUBSETS.entrySet()) {
        List<Path> given = files(scenario, s.getValue());
        if (given.isEmpty() || !seen.add(given)) {
          continue; // the scenario has none of the subset's files, or the same as another subset
        }
        String expected = UNDECIDED.getOrDefault(scenario, Map.of()).getOrDefault(s.getKey(), c[1]);
        String gap = GAPS.getOrDefault(scenario, Map.of()).get(s.getKey());
        rows.add(new Row(scenario, s.getKey(), expected, gap));
      }
    }
    return rows;
  }

  private static List<Path> files(String scenario, List<String> names) {
    return names.stream().map(n -> LAB.resolve(scenario).resolve(n)).filter(Files::exists).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void answersWhatTheInputsCanDecide(Row row) {
    List<Finding> findings =
        analyzer
            .analyze(
                files(row.scenario(), SUBSETS.get(row.subset())).stream()
                    .map(InputFile::of)
                    .toList())
            .findings();
    String got = describe(findings);
    Set<String> codes =
        findings.stream().map(Finding::code).collect(Collectors.toCollection(TreeSet::new));
    Set<String> ruledOutFound = new TreeSet<>(codes);
    ruledOutFound.retainAll(RULED_OUT.get(row.scenario()));
    if (row.gap() != null) {
      printed.put(
          "| " + row.scenario() + " | " + row.subset() + " | ",
          row.expected() + " | " + got + " | " + String.join(", ", rivals(findings)) + " | gap |");
      assertThat(top(got))
          .as(row + ": a known gap answered differently (fixed? move it out of GAPS)")
          .isEqualTo(top(row.gap()));
      return;
    }
    boolean ok =
        top(got).equals(top(row.expected()))
            && steps(got).containsAll(steps(row.expected()))
            && ruledOutFound.isEmpty();
    printed.put(
        "| " + row.scenario() + " | " + row.subset() + " | ",
        row.expected()
            + " | "
            + got
            + (ruledOutFound.isEmpty()
                ? ""
                : " (ruled out but present: " + String.join(", ", ruledOutFound) + ")")
            + " | "
            + String.join(", ", rivals(findings))
            + " | "
            + (ok ? "yes" : "**no**")
            + " |");
    assertThat(top(got)).as(row + ": top finding").isEqualTo(top(row.expected()));
    for (String step : steps(row.expected())) {
      assertThat(steps(got)).as(row + ": evidence-missing step").contains(step);
    }
    assertThat(codes)
        .as(row + ": ruled-out codes in the answer")
        .doesNotContainAnyElementsOf(RULED_OUT.get(row.scenario()));
    if (row.subset().equals("all files") && BEATEN.containsKey(row.scenario())) {
      assertThat(rivals(findings))
          .as(row + ": rivals the top finding rules out")
          .containsAll(BEATEN.get(row.scenario()));
      assertThat(findings.get(0).ruledOut())
          .as(row + ": each rival cites its evidence")
          .allSatisfy(r -> assertThat(r.evidence()).isNotEmpty());
    }
  }

  /** The codes the top finding ruled out, sorted. */
  private static Set<String> rivals(List<Finding> findings) {
    Set<String> out = new TreeSet<>();
    if (!findings.isEmpty()) {
      findings.get(0).ruledOut().forEach(r -> out.add(r.code()));
    }
    return out;
  }

  /**
   * The top finding (with its candidates when it is undetermined) and every evidence-missing step
   * asked for.
   */
  static String describe(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "(none)";
    }
    Finding top = findings.get(0);
    StringBuilder b = new StringBuilder(top.code());
    if (top.code().equals("undetermined")) {
      b.append('[')
          .append(top.candidates().keySet().stream().sorted().collect(Collectors.joining(",")))
          .append(']');
    }
    Set<String> steps = new TreeSet<>();
    findings.stream()
        .filter(f -> f.code().equals("evidence-missing"))
        .forEach(f -> steps.add(String.valueOf(f.values().get("step"))));
    steps.forEach(s -> b.append(" + evidence-missing:").append(s));
    return b.toString();
  }

  private static String top(String described) {
    return described.split(" \\+ ")[0];
  }

  private static List<String> steps(String described) {
    return Arrays.stream(described.split(" \\+ "))
        .skip(1)
        .map(s -> s.substring(s.indexOf(':') + 1))
        .toList();
  }
}
