package dev.regdoc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The boundaries the design depends on, checked on the compiled product classes (the bench
 * included, tests not): the layer order, no package cycles, and each SDK only at its edge.
 */
class PackageBoundariesTest {
  private static final JavaClasses PRODUCT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.regdoc");

  /**
   * The layers from the top down; a layer may use any layer below it, never one above it. Layers in
   * one tier do not use each other: capture, logs and devconfig are three independent readers.
   *
   * <ul>
   *   <li>bench: a measuring tool over the whole product, shipped in a jar of its own, so nothing
   *       in the product may depend on it.
   *   <li>charts and store sit between the front ends and conversation because each implements a
   *       port that conversation owns (the Illustrator; the CaseStore in conversation.store) and
   *       only a front end wires them in. Conversation never knows XChart or JDBC.
   *   <li>knowledge (the knowledge base: finding texts, checklists, lessons) sits just below
   *       analysis: the two layers that word answers read it, and nothing that measures or judges
   *       (ingest, diagnosis, signals, timeline, the readers) can reach for display text.
   *   <li>ccmtrace (the CallManager trace reader) sits just above the other readers: the SIP
   *       messages a trace holds are parsed by the capture's SIP parser, so both sides give the
   *       same record.
   *   <li>common (bounded readers, the work limit, sizes) is the primitives every layer uses, and
   *       uses no other regdoc package.
   * </ul>
   */
  private static final List<List<Layer>> TIERS =
      List.of(
          List.of(new Layer("Bench", "dev.regdoc.bench..")),
          List.of(
              new Layer(
                  "Front ends",
                  "dev.regdoc.adapter.slack..",
                  "dev.regdoc.adapter.discord..",
                  "dev.regdoc.adapter.shared..",
                  "dev.regdoc.chat..",
                  "dev.regdoc.cli..",
                  "dev.regdoc.bot..")),
          List.of(
              new Layer("Charts", "dev.regdoc.charts.."), new Layer("Store", "dev.regdoc.store..")),
          List.of(new Layer("Conversation", "dev.regdoc.conversation..")),
          List.of(new Layer("Analysis", "dev.regdoc.analysis..")),
          List.of(new Layer("Knowledge", "dev.regdoc.knowledge..")),
          List.of(new Layer("Ingest", "dev.regdoc.ingest..")),
          List.of(new Layer("Diagnosis", "dev.regdoc.diagnosis..")),
          List.of(new Layer("Signals", "dev.regdoc.signals..")),
          List.of(new Layer("Timeline", "dev.regdoc.timeline..")),
          List.of(new Layer("Ccmtrace", "dev.regdoc.ccmtrace..")),
          List.of(
              new Layer("Capture", "dev.regdoc.capture.."),
              new Layer("Logs", "dev.regdoc.logs.."),
              new Layer("Devconfig", "dev.regdoc.devconfig..")),
          List.of(new Layer("Facts", "dev.regdoc.facts..")),
          List.of(new Layer("Common", "dev.regdoc.common..")));

  @Test
  void layers() {
    topDown(TIERS).check(PRODUCT);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.regdoc.(*)..").should().beFreeOfCycles().check(PRODUCT);
  }

  @Test
  void onlyTheDiagnosisPackageImportsDrools() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.regdoc.diagnosis..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.kie..", "org.drools..")
        .check(PRODUCT);
  }

  @Test
  void onlyTheCapturePackageImportsPcap4j() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.regdoc.capture..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.pcap4j..")
        .check(PRODUCT);
  }

  @Test
  void onlyTheSlackAdapterImportsBolt() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.regdoc.adapter.slack..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.slack..")
        .check(PRODUCT);
  }

  @Test
  void onlyTheDiscordAdapterImportsJda() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.regdoc.adapter.discord..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("net.dv8tion..")
        .check(PRODUCT);
  }

  @Test
  void onlyTheWebChatImportsJetty() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.regdoc.chat.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.eclipse.jetty..")
        .check(PRODUCT);
  }

  /** Slack's Bolt and its Socket Mode transport, and Discord's JDA: only adapters speak to them. */
  @Test
  void theCoreNeverImportsAChatSdk() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.regdoc.adapter..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.slack..", "net.dv8tion..", "org.java_websocket..")
        .check(PRODUCT);
  }

  /** Guards the import itself: if it saw none of these, the rules above would pass vacuously. */
  @Test
  void theImportSeesTheKnownSdkUsers() {
    assertThat(usersOf(PRODUCT, "dev.regdoc.capture", "org.pcap4j")).isNotEmpty();
    assertThat(usersOf(PRODUCT, "dev.regdoc.diagnosis", "org.kie")).isNotEmpty();
    assertThat(usersOf(PRODUCT, "dev.regdoc.adapter.slack", "com.slack")).isNotEmpty();
    assertThat(usersOf(PRODUCT, "dev.regdoc.adapter.discord", "net.dv8tion")).isNotEmpty();
    assertThat(usersOf(PRODUCT, "dev.regdoc.chat.web", "org.eclipse.jetty")).isNotEmpty();
  }

  private static List<JavaClass> usersOf(JavaClasses classes, String pkg, String sdk) {
    return classes.stream()
        .filter(c -> c.getPackageName().startsWith(pkg))
        .filter(
            c ->
                c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getPackageName().startsWith(sdk + ".")))
        .toList();
  }

  private record Layer(String name, String... packages) {}

  /** Each layer may be used only by the layers of the tiers above its own. */
  private static LayeredArchitecture topDown(List<List<Layer>> tiers) {
    LayeredArchitecture architecture =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture();
    for (List<Layer> tier : tiers) {
      for (Layer layer : tier) {
        architecture = architecture.layer(layer.name()).definedBy(layer.packages());
      }
    }
    List<String> above = new ArrayList<>();
    for (List<Layer> tier : tiers) {
      for (Layer layer : tier) {
        architecture =
            above.isEmpty()
                ? architecture.whereLayer(layer.name()).mayNotBeAccessedByAnyLayer()
                : architecture
                    .whereLayer(layer.name())
                    .mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
      }
      tier.forEach(layer -> above.add(layer.name()));
    }
    return architecture;
  }
}
