package dev.regdoc.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.ProgressSink;
import dev.regdoc.conversation.Reply;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * An engine that breaks (a fault injected on purpose): the page gets a plain message, never the
 * exception.
 */
class WebChatFailureTest {

  static final class BrokenEngine implements ChatEngine {
    @Override
    public Reply handle(Incoming incoming, ProgressSink progress) {
      progress.progress("about to fail", 10);
      throw new IllegalStateException("internal detail: db password rejected at Foo.java:42");
    }

    @Override
    public boolean hasCase(String conversation) {
      return false;
    }

    @Override
    public long maxUploadBytes() {
      return 1024;
    }
  }

  @Test
  void anEngineExceptionBecomesAPlainJsonError() throws Exception {
    WebChatServer server =
        WebChatServer.start(WebChatSettings.defaults().withPort(0), new BrokenEngine());
    try {
      WebChatClient c = new WebChatClient(server.uri());
      WebChatClient.Response r = c.text("hello");

      assertThat(r.status()).isEqualTo(500);
      assertThat(r.json().path("error").asText()).contains("internal error");
      assertThat(r.body())
          .doesNotContain("Exception")
          .doesNotContain("Foo.java")
          .doesNotContain("password");
      assertThat(c.getApi("api/progress").json().path("running").asBoolean()).isFalse();
    } finally {
      server.stop();
    }
  }

  @Test
  void badSettingsNameTheKey() {
    Assertions.assertThatThrownBy(() -> WebChatSettings.fromMap(Map.of("web.port", "eighty")))
        .hasMessageContaining("web.port")
        .hasMessageContaining("eighty");
    assertThat(WebChatSettings.fromMap(Map.of()).port()).isEqualTo(8080);
    assertThat(WebChatSettings.fromMap(Map.of("web.port", "0")).port()).isZero();
  }
}
