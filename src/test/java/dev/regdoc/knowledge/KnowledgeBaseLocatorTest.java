package dev.regdoc.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseLocatorTest {
  @TempDir Path tmp;

  @Test
  void propertyWinsEvenOverAnExistingWorkingDirectoryBase() throws IOException {
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    Files.createDirectories(cwd.resolve("knowledge-base"));
    assertThat(KnowledgeBaseLocator.locate(tmp.resolve("elsewhere").toString(), cwd, null))
        .isEqualTo(tmp.resolve("elsewhere"));
  }

  @Test
  void workingDirectoryBeforeJarDirectory() throws IOException {
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    Path jarDir = Files.createDirectories(tmp.resolve("app"));
    Files.createDirectories(cwd.resolve("knowledge-base"));
    Files.createDirectories(jarDir.resolve("knowledge-base"));
    assertThat(KnowledgeBaseLocator.locate(null, cwd, jarDir.resolve("regdoc.jar")))
        .isEqualTo(cwd.resolve("knowledge-base"));
  }

  @Test
  void nextToTheJarWhenTheWorkingDirectoryHasNone() throws IOException {
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    Path jarDir = Files.createDirectories(tmp.resolve("app"));
    Files.createDirectories(jarDir.resolve("knowledge-base"));
    assertThat(KnowledgeBaseLocator.locate(" ", cwd, jarDir.resolve("regdoc.jar")))
        .isEqualTo(jarDir.resolve("knowledge-base"));
  }

  @Test
  void nothingFoundNamesWhereItLookedAndTheProperty() throws IOException {
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    assertThatThrownBy(() -> KnowledgeBaseLocator.locate(null, cwd, tmp.resolve("app/regdoc.jar")))
        .isInstanceOf(KnowledgeBaseException.class)
        .hasMessageContaining(cwd.resolve("knowledge-base").toString())
        .hasMessageContaining(tmp.resolve("app/knowledge-base").toString())
        .hasMessageContaining("regdoc.kb");
  }

  @Test
  void loadDefaultHonoursTheSystemProperty() {
    String before = System.getProperty(KnowledgeBaseLocator.PROPERTY);
    try {
      System.setProperty(KnowledgeBaseLocator.PROPERTY, tmp.resolve("missing-kb").toString());
      assertThatThrownBy(KnowledgeBase::loadDefault)
          .isInstanceOf(KnowledgeBaseException.class)
          .hasMessageContaining("missing-kb");
    } finally {
      if (before == null) {
        System.clearProperty(KnowledgeBaseLocator.PROPERTY);
      } else {
        System.setProperty(KnowledgeBaseLocator.PROPERTY, before);
      }
    }
  }

  @Test
  void loadDefaultFindsTheProjectBaseFromTheWorkingDirectory() {
    String before = System.getProperty(KnowledgeBaseLocator.PROPERTY);
    System.clearProperty(KnowledgeBaseLocator.PROPERTY);
    try {
      assertThat(KnowledgeBase.loadDefault().findingCodes()).contains("port-security-aging");
    } finally {
      if (before != null) {
        System.setProperty(KnowledgeBaseLocator.PROPERTY, before);
      }
    }
  }
}
