package dev.regdoc.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseTest {

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
    Files.writeString(
        dir.resolve("broken.drl"),
        """
        package regdoc.rules
        import dev.regdoc.facts.*;
        rule "bad field"
        ruleflow-group "causes"
        when
          SipMessage( noSuchField == 3 )
        then
        end
        """);
    assertThatThrownBy(() -> RuleBase.load(dir))
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("broken.drl:6")
        .hasMessageContaining("noSuchField")
        .hasMessageNotContaining("good.drl");
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
}
