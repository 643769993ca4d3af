package dev.regdoc.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The history a session keeps for a page reload is bounded in bytes, not only in turns: replies
 * carry their pictures as data URIs of a few hundred KB, and 200 of them per session, times many
 * sessions, would fill the heap.
 */
class WebSessionHistoryTest {
  private final ObjectMapper mapper = new ObjectMapper();

  private JsonNode replyWithPicture(int n) {
    ObjectNode reply = mapper.createObjectNode();
    var blocks = reply.putArray("blocks");
    blocks.addObject().put("type", "Text").put("text", "answer " + n);
    blocks
        .addObject()
        .put("type", "Image")
        .put("title", "timeline " + n)
        .put("src", "data:image/png;base64," + "A".repeat(300_000));
    return mapper.createObjectNode().put("from", "regdoc").set("reply", reply);
  }

  @Test
  void manyPictureRepliesStayWithinTheByteBudgetAndTheLatestKeepsItsPicture() {
    WebSession s = new WebSession("s1", "t1", 200);
    for (int i = 0; i < 200; i++) {
      s.remember(replyWithPicture(i));
    }
    long bytes = s.history().stream().mapToLong(t -> t.toString().length()).sum();
    assertThat(bytes).isLessThanOrEqualTo(WebSession.HISTORY_BYTES);
    assertThat(s.history()).hasSize(200); // the text of every turn stays; only old pictures go
    JsonNode last = s.history().get(199);
    assertThat(last.toString()).contains("answer 199").contains("data:image/png;base64,AAAA");
    assertThat(s.history().get(0).toString()).contains("answer 0").doesNotContain("data:image");
  }
}
