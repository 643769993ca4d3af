package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson's files are given out; nothing else is, whatever the names asked for. */
class LessonLibraryTest {
  @TempDir Path tmp;
  private Path lessons;
  private Path secret;
  private LessonLibrary library;

  @BeforeEach
  void folders() throws Exception {
    lessons = Files.createDirectories(tmp.resolve("kb/lessons"));
    Path one = Files.createDirectories(lessons.resolve("lesson-one"));
    Files.write(one.resolve("phone.pcap"), new byte[] {1, 2, 3});
    Files.writeString(one.resolve("switch-config.txt"), "interface Gi1/0/12\n");
    Files.createDirectories(one.resolve("inner"));
    Files.writeString(one.resolve(".hidden"), "not offered\n");
    secret = Files.writeString(tmp.resolve("secret.txt"), "not a lesson file\n");
    Files.createSymbolicLink(one.resolve("link.txt"), secret);
    Files.createSymbolicLink(lessons.resolve("linked-lesson"), tmp);
    library = new LessonLibrary(tmp.resolve("kb/../kb/lessons"));
  }

  @Test
  void aLessonsFilesAreListedAndGivenOut() {
    assertThat(library.files("lesson-one")).containsExactly("phone.pcap", "switch-config.txt");
    assertThat(library.file("lesson-one", "phone.pcap"))
        .hasValueSatisfying(p -> assertThat(p).isAbsolute().hasBinaryContent(new byte[] {1, 2, 3}));
    assertThat(library.folder("lesson-one")).hasValue(lessons.resolve("lesson-one"));
  }

  /** The lessons are the plain folders: a link to a folder elsewhere or a file is no lesson. */
  @Test
  void theLessonsAreThePlainFolders() throws Exception {
    Files.createDirectories(lessons.resolve("fault-two"));
    Files.writeString(lessons.resolve("notes.txt"), "not a lesson\n");
    Files.createDirectories(lessons.resolve(".hidden-lesson"));
    assertThat(library.folders()).containsExactly("fault-two", "lesson-one");
  }

  @Test
  void namesThatLeaveTheLessonFolderAreRefused() {
    for (String name :
        Arrays.asList(
            null,
            "",
            ".",
            "..",
            "../lesson-one/phone.pcap",
            "../../secret.txt",
            "..%2F..%2Fsecret.txt",
            "inner/../phone.pcap",
            "phone.pcap/",
            "/etc/passwd",
            secret.toString(),
            "..\\..\\secret.txt",
            "phone.pcap\u0000.txt",
            ".hidden",
            "inner",
            "link.txt",
            "missing.pcap")) {
      assertThat(library.file("lesson-one", name)).as("file %s", name).isEmpty();
    }
  }

  @Test
  void lessonNamesThatLeaveTheLessonsFolderAreRefused() {
    for (String lesson :
        Arrays.asList(null, "", ".", "..", "../kb/lessons/lesson-one", "linked-lesson", "nope")) {
      assertThat(library.file(lesson, "phone.pcap")).as("lesson %s", lesson).isEmpty();
      assertThat(library.files(lesson)).as("lesson %s", lesson).isEmpty();
    }
    assertThat(library.file("linked-lesson", "secret.txt")).isEmpty();
  }

  @Test
  void aMissingLessonsFolderHasNoLessons() {
    LessonLibrary none = new LessonLibrary(tmp.resolve("nowhere"));
    assertThat(none.files("lesson-one")).isEmpty();
    assertThat(none.file("lesson-one", "phone.pcap")).isEmpty();
  }
}
