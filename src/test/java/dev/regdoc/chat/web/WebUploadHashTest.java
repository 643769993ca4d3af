package dev.regdoc.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.ProgressSink;
import dev.regdoc.conversation.Reply;
import dev.regdoc.conversation.Upload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An upload is hashed as its body arrives, so the store can take the received file as it is instead
 * of reading and copying it again: the engine gets each file with the SHA-256 of exactly the bytes
 * sent.
 */
class WebUploadHashTest {
  private WebChatServer server;

  /** Keeps what each upload turn brought, and the bytes of its files as they were then. */
  private static final class Recording implements ChatEngine {
    final List<Upload> uploads = new ArrayList<>();
    final List<byte[]> contents = new ArrayList<>();

    @Override
    public Reply handle(Incoming incoming, ProgressSink progress) {
      for (Upload u : incoming.uploads()) {
        uploads.add(u);
        try {
          contents.add(Files.readAllBytes(u.content()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return new Reply.Builder().text("got it").build("en", 0);
    }

    @Override
    public boolean hasCase(String conversation) {
      return false;
    }

    @Override
    public long maxUploadBytes() {
      return 4 << 20;
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void oneFileAndABatchArriveWithTheHashOfTheirBytes() throws Exception {
    Recording engine = new Recording();
    server = WebChatServer.start(WebChatSettings.defaults().withPort(0), engine);
    byte[] one = new byte[3 << 20];
    new Random(7).nextBytes(one);
    byte[] a = "first file".getBytes();
    byte[] b = "second file, longer".getBytes();
    WebChatClient c = new WebChatClient(server.uri());

    assertThat(c.upload("one.pcap", HttpRequest.BodyPublishers.ofByteArray(one)).status())
        .isEqualTo(200);
    assertThat(
            c.uploadRaw(
                    "name=a.txt&size=" + a.length + "&name=b.txt&size=" + b.length,
                    HttpRequest.BodyPublishers.ofByteArrays(List.of(a, b)))
                .status())
        .isEqualTo(200);

    assertThat(engine.uploads)
        .extracting(Upload::name)
        .containsExactly("one.pcap", "a.txt", "b.txt");
    assertThat(engine.contents).containsExactly(one, a, b);
    assertThat(engine.uploads)
        .extracting(Upload::sha256)
        .containsExactly(sha256(one), sha256(a), sha256(b));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
