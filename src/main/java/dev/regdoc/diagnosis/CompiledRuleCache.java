package dev.regdoc.diagnosis;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled rule base kept on disk, so that a start whose rule folder has not changed reads it
 * instead of compiling the DRL again (compiling is most of a command's start). The file is named by
 * a hash of every .drl file's name and content, of the Drools version and of regdoc's own build
 * (the fact classes the rules read): an operator's edit, a new rule or a new regdoc compiles
 * afresh. The file holds the classes the DRL declares, then the compiled packages, in Drools' own
 * serialisation. A file that cannot be read (corrupt, from another build) is ignored and rewritten;
 * one that cannot be written costs only the next start's time.
 */
final class CompiledRuleCache {
  private static final Logger LOG = LoggerFactory.getLogger(CompiledRuleCache.class);
  private static final String PREFIX = "rules-";
  private static final String SUFFIX = ".bin";

  private final Path dir;

  CompiledRuleCache(Path dir) {
    this.dir = dir;
  }

  /** The cache file for these rule files, whether or not it exists. */
  Path fileFor(List<Path> drl) {
    return dir.resolve(PREFIX + key(drl) + SUFFIX);
  }

  /** The rule base stored for these files, empty when there is none or it cannot be read. */
  Optional<KieBase> read(List<Path> drl) {
    Path file = fileFor(drl);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
    ProjectClassLoader loader = (ProjectClassLoader) base.getRootClassLoader();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
        DroolsObjectInputStream objects = new DroolsObjectInputStream(in, loader)) {
      // the DRL's declared types first: the packages refer to them as they are read
      loader.storeClasses(castMap(objects.readObject()));
      base.addPackages(castList(objects.readObject()));
      return Optional.of(base);
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      LOG.debug("compiled rule cache {} unreadable, compiling the rules instead", file, e);
      return Optional.empty();
    }
  }

  /** Stores {@code base} for these files (and drops older files), or logs why it could not. */
  void write(List<Path> drl, KieBase base) {
    Path file = fileFor(drl);
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, PREFIX, ".tmp");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp));
          DroolsObjectOutputStream objects = new DroolsObjectOutputStream(out)) {
        ClassLoader root = ((InternalKnowledgeBase) base).getRootClassLoader();
        // a rule folder that declares no types and whose rules compiled to no classes has none
        Map<String, byte[]> declared = ((ProjectClassLoader) root).getStore();
        objects.writeObject(declared == null ? new HashMap<>() : new HashMap<>(declared));
        objects.writeObject(new ArrayList<KiePackage>(base.getKiePackages()));
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      dropOthers(file);
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not write the compiled rule cache {}", file, e);
    }
  }

  private void dropOthers(Path keep) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (!p.equals(keep) && n.startsWith(PREFIX) && n.endsWith(SUFFIX)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * Hex SHA-256 of the rule files (names and bytes, in order), Drools' version and regdoc's build.
   */
  static String key(List<Path> drl) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      update(sha, "drools " + KieBase.class.getPackage().getImplementationVersion());
      update(sha, "regdoc " + build());
      for (Path p : drl) {
        update(sha, p.getFileName().toString());
        byte[] content = Files.readAllBytes(p);
        update(sha, Integer.toString(content.length));
        sha.update(content);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new RuleBaseException("cannot read the rule files: " + e.getMessage());
    }
  }

  private static void update(MessageDigest sha, String s) {
    sha.update(s.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  /**
   * regdoc's own build: the jar (or class folder) the fact classes come from, by size and time, so
   * a rebuilt regdoc whose facts changed never reads packages compiled against the old ones.
   */
  private static String build() {
    try {
      Path code =
          Path.of(
              CompiledRuleCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
    } catch (URISyntaxException | IOException | RuntimeException e) {
      return "unknown";
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, byte[]> castMap(Object o) {
    return (Map<String, byte[]>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<InternalKnowledgePackage> castList(Object o) {
    return (List<InternalKnowledgePackage>) o;
  }
}
