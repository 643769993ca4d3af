package dev.regdoc.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A lesson in the web chat offers its files as downloads served by the chat itself, behind the same
 * gate and page token as every API call, and only the lessons' own files: no name reaches anything
 * else, and no reply carries a path of the server's machine.
 */
class WebLessonFilesTest {
  private static final String LESSON = "case-1-2-proxy-arp";
  private static final Path FOLDER = Path.of("knowledge-base/lessons", LESSON);

  @RegisterExtension static final WebChatUnderTest CHAT = new WebChatUnderTest();

  private static WebChatClient client() {
    return new WebChatClient(CHAT.server().uri());
  }

  /** The lesson's first reply, as the page gets it after "teach me" and the lesson's button. */
  private static WebChatClient.Response startLesson(WebChatClient c) throws Exception {
    c.text("teach me");
    return c.message("{\"action\":\"lesson:" + LESSON + "\"}");
  }

  @Test
  void theLessonLinksEachOfItsFilesAndTheLinksDownloadThem() throws Exception {
    WebChatClient c = client();
    WebChatClient.Response lesson = startLesson(c);

    List<JsonNode> blocks = lesson.blocks("LessonFiles");
    assertThat(blocks).hasSize(1);
    List<String> names = new ArrayList<>();
    for (JsonNode d : blocks.get(0).path("downloads")) {
      String name = d.path("name").asText();
      names.add(name);
      WebChatClient.Download got = c.download(d.path("href").asText());
      assertThat(got.status()).as(name).isEqualTo(200);
      assertThat(got.body()).as(name).isEqualTo(Files.readAllBytes(FOLDER.resolve(name)));
      assertThat(got.header("Content-Disposition"))
          .isEqualTo("attachment; filename=\"" + name + "\"");
      assertThat(got.header("Content-Type")).isEqualTo("application/octet-stream");
    }
    assertThat(names)
        .containsExactly("asa-config.txt", "cucm-syslog.log", "cucm.pcap", "phone.pcap");
    assertThat(lesson.body())
        .doesNotContain(Path.of("").toAbsolutePath().toString())
        .doesNotContain("src/test/resources")
        .doesNotContain("knowledge-base/");
  }

  @Test
  void aDownloadNeedsThePagesTokenAndOrigin() throws Exception {
    String href = ReplyJson.lessonFileHref(LESSON, "phone.pcap");
    assertThat(client().download(href).status()).isEqualTo(200);
    assertThat(client().token(null).download(href).status()).isEqualTo(403);
    assertThat(client().token("forged-token").download(href).status()).isEqualTo(403);
    assertThat(client().header("Origin", "http://evil.example").download(href).status())
        .isEqualTo(403);
    assertThat(client().header("Sec-Fetch-Site", "cross-site").download(href).status())
        .isEqualTo(403);
  }

  @Test
  void noNameReachesAFileOutsideTheLessonsFolder() throws Exception {
    WebChatClient c = client();
    for (String query :
        List.of(
            "lesson=" + LESSON + "&file=../../../pom.xml",
            "lesson=" + LESSON + "&file=..%2F..%2F..%2Fpom.xml",
            "lesson=" + LESSON + "&file=%2E%2E%2F%2E%2E%2Fchat.yaml",
            "lesson=" + LESSON + "&file=" + Path.of("pom.xml").toAbsolutePath(),
            "lesson=" + LESSON + "&file=..%5C..%5Cchat.yaml",
            "lesson=..&file=chat.yaml",
            "lesson=..%2F..&file=pom.xml",
            "lesson=../../src/test/resources/fixtures/case-study-2&file=phone.pcap",
            "lesson=" + LESSON + "&file=",
            "lesson=" + LESSON,
            "file=phone.pcap",
            "lesson=" + LESSON + "&file=phone.pcap%00.txt")) {
      WebChatClient.Download got = c.download("api/lesson-file?" + query);
      assertThat(got.status()).as(query).isEqualTo(404);
      assertThat(new String(got.body(), StandardCharsets.UTF_8))
          .as(query)
          .contains("no such lesson file");
    }
    assertThat(c.download("api/lesson-file/../../pom.xml").status()).isEqualTo(404);
  }

  @Test
  void onlyGetIsTaken() throws Exception {
    String raw =
        RawHttp.postJson(
            CHAT.server().port(),
            "/" + ReplyJson.lessonFileHref(LESSON, "phone.pcap"),
            "127.0.0.1:" + CHAT.server().port(),
            WebChatClient.TOKEN_HEADER + ": " + client().token() + "\r\n",
            "{}");
    assertThat(raw).startsWith("HTTP/1.1 405").doesNotContain("pcap");
  }
}
