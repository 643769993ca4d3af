package dev.regdoc.diagnosis;

import dev.regdoc.common.Ahead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;

/**
 * The DRL files of a folder (one fault per file), compiled once at start. Operators can drop a rule
 * into the folder without rebuilding regdoc; a file that does not compile stops start-up with the
 * file, line and Drools' message.
 */
public final class RuleBase {
  /** The data directory's folder for compiled rule bases. */
  public static final String CACHE_FOLDER = "rule-cache";

  private static final String KFS_DIR = "src/main/resources/rules/";

  /** Where a loaded rule base came from. */
  public enum Source {
    COMPILED,
    CACHED
  }

  /** The rule base itself, once read or compiled. */
  private record Loaded(KieBase kieBase, List<String> files, Source source) {}

  private final Ahead<Loaded> loaded;

  private RuleBase(Ahead<Loaded> loaded) {
    this.loaded = loaded;
  }

  private RuleBase(KieBase kieBase, List<String> files, Source source) {
    this(Ahead.done(new Loaded(kieBase, files, source)));
  }

  /** Compiles the folder's DRL files. */
  public static RuleBase load(Path folder) {
    List<Path> drl = drlFiles(folder);
    return new RuleBase(compile(folder, drl), names(drl), Source.COMPILED);
  }

  /**
   * The folder's rules as compiled the last time these very files were (kept in {@code cacheDir}),
   * else compiled now and kept there for the next start.
   */
  public static RuleBase load(Path folder, Path cacheDir) {
    return new RuleBase(Ahead.done(loadOrCompile(folder, cacheDir)));
  }

  /**
   * As {@link #load(Path, Path)}, started now on a thread of its own so that the caller can read
   * its files meanwhile (reading the kept rule base back is a third of a command's start); the
   * first use waits for it, and a rule folder that does not compile fails there with the same
   * message.
   */
  public static RuleBase loadAhead(Path folder, Path cacheDir) {
    return new RuleBase(Ahead.start("rules", () -> loadOrCompile(folder, cacheDir)));
  }

  private static Loaded loadOrCompile(Path folder, Path cacheDir) {
    List<Path> drl = drlFiles(folder);
    CompiledRuleCache cache = new CompiledRuleCache(cacheDir);
    Optional<KieBase> cached = cache.read(drl);
    if (cached.isPresent()) {
      return new Loaded(cached.get(), names(drl), Source.CACHED);
    }
    KieBase compiled = compile(folder, drl);
    cache.write(drl, compiled);
    return new Loaded(compiled, names(drl), Source.COMPILED);
  }

  private static List<String> names(List<Path> drl) {
    return drl.stream().map(p -> p.getFileName().toString()).toList();
  }

  private static KieBase compile(Path folder, List<Path> drl) {
    KieServices ks = KieServices.get();
    ReleaseId id = ks.newReleaseId("dev.regdoc", "rules", "1.0.0");
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(id);
    for (Path p : drl) {
      kfs.write(
          KFS_DIR + p.getFileName(),
          ks.getResources().newFileSystemResource(p.toFile()).setResourceType(ResourceType.DRL));
    }
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll(DrlProject.class);
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      throw new RuleBaseException(
          "the rules in " + folder + " do not compile:\n" + describe(errors, folder));
    }
    KieBase base = ks.newKieContainer(id).getKieBase();
    ks.getRepository().removeKieModule(id);
    List<String> unstaged = withoutStage(base);
    if (!unstaged.isEmpty()) {
      throw new RuleBaseException(
          "every rule must name its stage with ruleflow-group, one of "
              + Arrays.stream(Stage.values()).map(Stage::group).toList()
              + ":\n"
              + String.join("\n", unstaged));
    }
    List<String> stringly = EnumLiteralCheck.problems(base, sources(drl));
    if (!stringly.isEmpty()) {
      throw new RuleBaseException(
          "a rule compares an enum field with a string, which never matches:\n"
              + String.join("\n", stringly));
    }
    return base;
  }

  /** " file: rule name (ruleflow-group x)" for each rule outside the {@link Stage}s. */
  private static List<String> withoutStage(KieBase base) {
    return base.getKiePackages().stream()
        .flatMap(p -> p.getRules().stream())
        .map(RuleImpl.class::cast)
        .filter(r -> Stage.ofGroup(r.getAgendaGroup()).isEmpty())
        .map(
            r ->
                "  "
                    + (r.getResource() == null ? "?" : r.getResource().getSourcePath())
                    + ": \""
                    + r.getName()
                    + "\" (ruleflow-group "
                    + r.getAgendaGroup()
                    + ")")
        .sorted()
        .toList();
  }

  /** Every error as "file:line: message", dropping Drools' follow-up "null Package" noise. */
  static String describe(List<Message> errors, Path folder) {
    boolean real =
        errors.stream().anyMatch(m -> !m.getText().contains("Parser returned a null Package"));
    return errors.stream()
        .filter(m -> !real || !m.getText().contains("Parser returned a null Package"))
        .map(m -> "  " + fileOf(m, folder) + ":" + m.getLine() + ": " + m.getText().strip())
        .collect(Collectors.joining("\n"));
  }

  private static String fileOf(Message m, Path folder) {
    if (m.getPath() == null) {
      return folder.toString();
    }
    String name = m.getPath().substring(m.getPath().lastIndexOf('/') + 1);
    return folder.resolve(name).toString();
  }

  private static List<String> sources(List<Path> drl) {
    List<String> out = new ArrayList<>();
    for (Path p : drl) {
      try {
        out.add(Files.readString(p));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static List<Path> drlFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new RuleBaseException("rule folder " + folder + " does not exist");
    }
    List<Path> drl;
    try (Stream<Path> s = Files.list(folder)) {
      drl = new ArrayList<>(s.filter(p -> p.toString().endsWith(".drl")).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (drl.isEmpty()) {
      throw new RuleBaseException("no .drl files in " + folder);
    }
    return drl;
  }

  KieSession newSession() {
    return loaded.get().kieBase().newKieSession();
  }

  public Source source() {
    return loaded.get().source();
  }

  public List<String> files() {
    return loaded.get().files();
  }

  /** Rule names per package, e.g. for the consistency test. */
  public List<String> ruleNames() {
    return loaded.get().kieBase().getKiePackages().stream()
        .flatMap(p -> p.getRules().stream())
        .map(r -> r.getName())
        .sorted()
        .toList();
  }
}
