package dev.regdoc.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temp files live in a folder of this process; the folders a killed process left are swept at the
 * next start.
 */
class TempFilesTest {
  @TempDir Path parent;

  @Test
  void tempFilesLiveInAFolderNamedAfterThisProcess() throws Exception {
    TempFiles temp = TempFiles.under(parent);
    Path f = temp.newFile("entry-", ".tmp");
    assertThat(f.getParent()).isEqualTo(temp.folder());
    assertThat(temp.folder().getParent()).isEqualTo(parent.toAbsolutePath().normalize());
    assertThat(temp.folder().getFileName().toString())
        .startsWith("regdoc-" + ProcessHandle.current().pid() + "-");
    Files.write(f, new byte[1234]);
    temp.delete(f);
    assertThat(f).doesNotExist();
    assertThat(temp.largestDeleted()).isEqualTo(1234);
  }

  @Test
  void foldersOfProcessesThatNoLongerRunAreSweptAtStart() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path dead =
        Files.createDirectories(parent.resolve("regdoc-" + gone.pid() + "-1700000000000-1"));
    Files.write(dead.resolve("web-1.upload"), new byte[10]);
    // this pid runs, but it is another process than the one that made the folder (pids are reused)
    Path reused =
        Files.createDirectories(
            parent.resolve("regdoc-" + ProcessHandle.current().pid() + "-1000-2"));
    ProcessHandle alive = ProcessHandle.current().parent().orElseThrow();
    long aliveStart = alive.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    Path running =
        Files.createDirectories(parent.resolve("regdoc-" + alive.pid() + "-" + aliveStart + "-3"));
    Path other = Files.createDirectories(parent.resolve("regdoc-web-test123"));

    TempFiles temp = TempFiles.under(parent);

    assertThat(dead).doesNotExist();
    assertThat(reused).doesNotExist();
    assertThat(running).isDirectory();
    assertThat(other).isDirectory();
    assertThat(temp.folder()).isDirectory();
  }

  @Test
  void theBotKeepsItsTempFilesInTheDataDirectory() throws Exception {
    TempFiles.useDataDir(parent);
    try {
      assertThat(TempFiles.process().folder().getParent())
          .isEqualTo(parent.resolve("tmp").toAbsolutePath().normalize());
    } finally {
      TempFiles.useSystemTemp();
    }
  }

  @Test
  void looseFilesOfEarlierVersionsAreSweptOnceADayOld() throws Exception {
    FileTime twoDaysAgo = FileTime.from(Instant.now().minusSeconds(2 * 86_400));
    Path oldWeb = Files.write(parent.resolve("regdoc-web-123456789.upload"), new byte[10]);
    Path oldGunzip = Files.write(parent.resolve("regdoc-987654321.gunzip"), new byte[10]);
    Path oldEntry = Files.write(parent.resolve("regdoc-55.entry"), new byte[10]);
    Path fresh = Files.write(parent.resolve("regdoc-slack-42.upload"), new byte[10]);
    Path notOurs = Files.write(parent.resolve("regdoc-notes.txt"), new byte[10]);
    for (Path p : List.of(oldWeb, oldGunzip, oldEntry, notOurs)) {
      Files.setLastModifiedTime(p, twoDaysAgo);
    }

    assertThat(TempFiles.sweepLooseFiles(parent)).isEqualTo(3);

    assertThat(oldWeb).doesNotExist();
    assertThat(oldGunzip).doesNotExist();
    assertThat(oldEntry).doesNotExist();
    assertThat(fresh).exists(); // an earlier version's process may still be using it
    assertThat(notOurs).exists();
  }
}
