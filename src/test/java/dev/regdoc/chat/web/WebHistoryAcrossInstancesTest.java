package dev.regdoc.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One browser conversation whose turns a load balancer sends to two instances on one PostgreSQL in
 * turn: the intake's questions answered on either, the checklist walked on either, an upload
 * queued. Each instance continues where the other left the conversation, and each shows the same
 * history, every turn once, in the order it was said. Runs when REGDOC_TEST_PG_URL names a database
 * (bot/test starts one).
 */
class WebHistoryAcrossInstancesTest {
  @TempDir Path dir;
  private TwoWebInstances instances;

  @BeforeEach
  void start() throws Exception {
    instances = TwoWebInstances.start(dir, "webh");
  }

  @AfterEach
  void stop() throws Exception {
    if (instances != null) {
      instances.close();
    }
  }

  @Test
  void turnsSentToEitherInstanceMakeOneConversationWithOneHistory() throws Exception {
    WebChatClient onA = new WebChatClient(instances.first().uri());
    WebChatClient.Response opened = onA.text(WebChatServerTest.SYMPTOM);
    WebChatClient onB = new WebChatClient(instances.second().uri()).token(onA.token());

    // the intake's question asked by A is answered on B, the next one on A
    WebChatClient.Response protocol = onB.text("SIP");
    assertThat(protocol.json().path("caseId")).isEqualTo(opened.json().path("caseId"));
    assertThat(protocol.body()).contains("Which CUCM version");
    WebChatClient.Response version = onA.text("14");
    assertThat(version.blocks("Step")).isNotEmpty();
    String firstStep = version.blocks("Step").get(0).path("title").asText();

    // the checklist walked on B from the step A showed
    WebChatClient.Response done = onB.text("done");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.blocks("Step")).isNotEmpty();
    assertThat(done.blocks("Step").get(0).path("title").asText()).isNotEqualTo(firstStep);
    WebChatClient.Response checklist = onA.text("checklist");
    assertThat(checklist.blocks("Step"))
        .filteredOn(s -> s.path("title").asText().equals(firstStep))
        .extracting(s -> s.path("state").asText())
        .containsExactly("done");

    // an upload, queued, answered to A
    WebChatClient.Response answer =
        onA.uploadAll(
            WebChatServerTest.CASE2.resolve("phone.pcap"),
            WebChatServerTest.CASE2.resolve("switch-config.txt"));
    assertThat(answer.findingCodes()).first().isEqualTo("port-security-aging");

    JsonNode historyA = onA.getApi("api/history").json().path("turns");
    JsonNode historyB = onB.getApi("api/history").json().path("turns");
    assertThat(userLines(historyA))
        .containsExactly(
            WebChatServerTest.SYMPTOM,
            "SIP",
            "14",
            "done",
            "checklist",
            "phone.pcap, switch-config.txt");
    assertThat(historyA).hasSize(12);
    for (int i = 0; i < historyA.size(); i++) {
      assertThat(historyA.get(i).path("from").asText()).isEqualTo(i % 2 == 0 ? "user" : "regdoc");
    }
    assertThat(historyA.get(3).path("reply").path("blocks").toString())
        .contains("Which CUCM version");
    assertThat(historyB).isEqualTo(historyA);
  }

  private static List<String> userLines(JsonNode turns) {
    List<String> out = new ArrayList<>();
    for (JsonNode t : turns) {
      if ("user".equals(t.path("from").asText())) {
        out.add(t.has("file") ? t.path("file").asText() : t.path("text").asText());
      }
    }
    return out;
  }
}
