package dev.regdoc.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regdoc.facts.Protocol;
import dev.regdoc.signals.KeepaliveTiming;
import dev.regdoc.signals.RegistrationHistory;
import dev.regdoc.timeline.event.KeepaliveRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseTest {
  /** A rule file whose line 6 names a field SipMessage does not have. */
  static final String BROKEN_AT_LINE_6 =
      """
      package regdoc.rules
      import dev.regdoc.facts.*;
      rule "bad field"
      ruleflow-group "causes"
      when
        SipMessage( noSuchField == 3 )
      then
      end
      """;

  @Test
  void loadsEveryRuleFileOfTheProjectFolder() {
    RuleBase rules = RuleBase.load(Path.of("rules"));
    assertThat(rules.files())
        .contains("port-security-aging.drl", "proxy-arp.drl", "no-fault-found.drl");
    assertThat(rules.ruleNames()).anyMatch(n -> n.startsWith("port-security-aging:"));
  }

  @Test
  void aRuleThatDoesNotCompileNamesTheFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("good.drl"),
        """
        package regdoc.rules
        rule "fine"
        ruleflow-group "causes"
        when
          String()
        then
        end
        """);
    Files.writeString(dir.resolve("broken.drl"), BROKEN_AT_LINE_6);
    assertThatThrownBy(() -> RuleBase.load(dir))
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("broken.drl:6")
        .hasMessageContaining("noSuchField")
        .hasMessageNotContaining("good.drl");
  }

  @Test
  void loadedAheadTheRulesAnswerAsLoadedInPlaceAndAreKeptForTheNextStart(@TempDir Path dir)
      throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(
        rules.resolve("echo.drl"),
        """
        package regdoc.rules
        rule "echo"
        ruleflow-group "causes"
        when
          $s : String( this == "x" )
        then
          insert(Integer.valueOf(1));
        end
        """);
    Path cache = dir.resolve("cache");

    RuleBase ahead = RuleBase.loadAhead(rules, cache);
    assertThat(ahead.source()).isEqualTo(RuleBase.Source.COMPILED);
    assertThat(ahead.files()).containsExactly("echo.drl");
    assertThat(new Diagnoser(ahead).diagnosis(List.of("x"), () -> false).rulesFired())
        .containsExactly("echo");
    assertThat(RuleBase.loadAhead(rules, cache).source()).isEqualTo(RuleBase.Source.CACHED);
  }

  @Test
  void loadedAheadABrokenRuleFailsAtFirstUseWithTheSameMessage(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("broken.drl"), BROKEN_AT_LINE_6);
    RuleBase ahead = RuleBase.loadAhead(dir, dir.resolve("cache"));

    assertThatThrownBy(() -> new Diagnoser(ahead).diagnose(List.of("x")))
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("broken.drl:6")
        .hasMessageContaining("noSuchField");
  }

  @Test
  void aMissingFolderIsReportedPlainly(@TempDir Path dir) {
    assertThatThrownBy(() -> RuleBase.load(dir.resolve("nope")))
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void aLoopingRuleFailsInsteadOfHanging(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("loop.drl"),
        """
        package regdoc.rules
        rule "forever"
        ruleflow-group "causes"
        when
          $s : String()
        then
          insert(new String($s));
        end
        """);
    Diagnoser d = new Diagnoser(RuleBase.load(dir));
    assertThatThrownBy(() -> d.diagnose(List.of("x")))
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("looping");
  }

  @Test
  void aRuleWithoutStageIsRefusedNamingItsFile(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("unstaged.drl"),
        """
        package regdoc.rules
        rule "no stage"
        when
          String()
        then
        end
        """);
    assertThatThrownBy(() -> RuleBase.load(dir))
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("ruleflow-group")
        .hasMessageContaining("unstaged.drl")
        .hasMessageContaining("\"no stage\"");
  }

  /**
   * Drools compiles {@code role == "primary"} against an enum field and then never matches it: a
   * rule that silently stops firing. Start-up refuses it, naming the file, the rule and the
   * constant to write instead, wherever the comparison sits (==, !=, in, inside collect or not, or
   * a consequence's {@code "SCCP".equals($t.protocol())}).
   */
  @Test
  void aStringComparedWithAnEnumFieldIsRefusedNamingTheConstant(@TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("stringly.drl"),
        """
        package regdoc.rules
        import dev.regdoc.signals.*;
        import java.util.List;
        rule "primary unanswered"
        ruleflow-group "causes"
        when
          $k : List( size >= 1 ) from collect( KeepaliveTiming( role == "primary", !answered ) )
          not OneSided( direction != "phone-to-cucm" )
          $c : RoleChange( kind in ("failover", "fallback") )
        then
          System.out.println("SCCP".equals($c.kind()) ? "never" : "always");
        end
        """);
    assertThatThrownBy(() -> RuleBase.load(dir))
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("stringly.drl")
        .hasMessageContaining("\"primary unanswered\"")
        .hasMessageContaining("KeepaliveTiming.role")
        .hasMessageContaining("KeepaliveRole.PRIMARY")
        .hasMessageContaining("OneSided.direction")
        .hasMessageContaining("Direction.PHONE_TO_CUCM")
        .hasMessageContaining("RoleChange.kind")
        .hasMessageContaining("EventKind.FAILOVER")
        .hasMessageContaining("$c.kind")
        .hasMessageContaining("EventKind.<one of");
  }

  @Test
  void anEnumConstantInTheRuleMatches(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("typed.drl"),
        """
        package regdoc.rules
        import dev.regdoc.diagnosis.*;
        import dev.regdoc.signals.*;
        import dev.regdoc.timeline.event.KeepaliveRole;
        rule "primary unanswered"
        ruleflow-group "causes"
        when
          $h : RegistrationHistory( $dev : device )
          $k : KeepaliveTiming( role == KeepaliveRole.PRIMARY, !answered ) from $h.keepalives()
        then
          insert(Finding.of("sccp-keepalive-timeout", $dev, Tier.ROOT_CAUSE));
        end
        """);
    Diagnoser d = new Diagnoser(RuleBase.load(dir));
    assertThat(d.diagnose(List.of(history(KeepaliveRole.PRIMARY), history(KeepaliveRole.BACKUP))))
        .extracting(Finding::device)
        .containsExactly("SEP-PRIMARY");
  }

  /** A phone's history of one unanswered keepalive, as the analyzer hands it to the rules. */
  private static RegistrationHistory history(KeepaliveRole role) {
    KeepaliveTiming k = keepalive(role);
    return new RegistrationHistory(k.device(), List.of(), List.of(), List.of(k));
  }

  private static KeepaliveTiming keepalive(KeepaliveRole role) {
    return new KeepaliveTiming(
        "SEP-" + role.name(),
        Protocol.SCCP,
        "phone.pcap",
        1,
        Instant.parse("2026-01-05T08:00:00Z"),
        "198.51.100.10",
        role,
        30,
        -1,
        0,
        null,
        0,
        -1);
  }
}
