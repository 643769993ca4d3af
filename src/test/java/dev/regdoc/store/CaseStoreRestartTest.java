package dev.regdoc.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.conversation.store.CaseRecord;
import dev.regdoc.conversation.store.ChatMessage;
import dev.regdoc.conversation.store.StoredFile;
import dev.regdoc.conversation.store.UserProfile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store returned is still there after the process is killed (no shutdown hook, no close):
 * a child JVM writes a case on the default H2 file store, says "ready", and is killed; this JVM
 * then reopens the store.
 */
class CaseStoreRestartTest {

  static final Instant T0 = Instant.parse("2026-12-01T08:00:00.123456789Z");
  static final String CONVERSATION = "web:restart";
  static final byte[] CAPTURE =
      "phone-side capture bytes \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);

  @TempDir Path dataDir;

  @Test
  void everythingWrittenBeforeAKillIsThereAfterReopening() throws Exception {
    Process child = startChild(dataDir);
    List<String> output = new ArrayList<>();
    try {
      String ready = awaitReady(child, output);
      assertThat(ready).as("child output: %s", output).startsWith("ready ");
      long caseId = Long.parseLong(ready.substring("ready ".length()).trim());
      assertThat(child.isAlive()).as("the child is still running when it is killed").isTrue();
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

      try (JdbcCaseStore store = JdbcCaseStore.open(StoreSettings.defaults(dataDir))) {
        assertThat(store.findCase(caseId)).contains(Child.savedCase(caseId, 2));
        assertThat(store.caseOfConversation(CONVERSATION)).contains(caseId);
        StoredFile file = store.files(caseId).get(0);
        assertThat(store.files(caseId)).hasSize(1);
        assertThat(file.name()).isEqualTo("phone.pcap");
        assertThat(file.expired()).isFalse();
        assertThat(Files.readAllBytes(store.content(file.sha256()).orElseThrow()))
            .isEqualTo(CAPTURE);
        assertThat(store.messages(caseId)).containsExactly(Child.message(caseId));
        assertThat(store.user("alice")).contains(Child.profile());
      }
    } finally {
      child.destroyForcibly();
    }
  }

  private static Process startChild(Path dataDir) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "-Duser.timezone=UTC",
            Child.class.getName(),
            dataDir.toString());
    pb.redirectErrorStream(true);
    return pb.start();
  }

  /** The child's "ready" line, or what it printed before it ended or a minute passed. */
  private static String awaitReady(Process child, List<String> output) throws Exception {
    CompletableFuture<String> ready =
        CompletableFuture.supplyAsync(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  if (line.startsWith("ready ")) {
                    return line;
                  }
                  output.add(line);
                }
                return "ended without ready, exit " + child.waitFor();
              } catch (Exception e) {
                return "reading the child failed: " + e;
              }
            });
    return ready.get(60, TimeUnit.SECONDS);
  }

  /** The child process: writes one case of everything, then waits to be killed. */
  static final class Child {
    public static void main(String[] args) throws Exception {
      Path dataDir = Path.of(args[0]);
      JdbcCaseStore store = JdbcCaseStore.open(StoreSettings.defaults(dataDir));
      long id = store.newCase("alice", T0).id();
      store.save(savedCase(id, 1));
      store.bindConversation(CONVERSATION, id);
      Path upload = Files.write(dataDir.resolve("upload.pcap"), CAPTURE);
      store.putFile(id, "phone.pcap", upload, "alice", T0.plusSeconds(5));
      Files.delete(upload);
      store.appendMessage(message(id));
      store.saveUser(profile());
      System.out.println("ready " + id);
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }

    /** The case the child saves, at {@code version}: 1 as handed to save, 2 as stored. */
    static CaseRecord savedCase(long id, long version) {
      return new CaseRecord(
          id,
          version,
          "alice",
          T0,
          T0.plusSeconds(60),
          "SEP00AABBCCDDEE",
          "unregisters every 16 min",
          "SIP",
          "since Monday",
          "14.0",
          "en",
          "awaiting-captures",
          Map.of("collect-phone-capture", "done"),
          "{\"findings\":[]}",
          Map.of("site", "Osaka"));
    }

    static ChatMessage message(long id) {
      return new ChatMessage(
          id, CONVERSATION, "alice", false, "here is the phone capture", T0.plusSeconds(6));
    }

    static UserProfile profile() {
      return new UserProfile("alice", "en", Map.of("sccp-basics", "done"));
    }
  }
}
