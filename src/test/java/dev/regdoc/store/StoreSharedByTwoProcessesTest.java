package dev.regdoc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regdoc.conversation.store.ChatMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one default H2 store (the web chat running, the terminal chat started beside
 * it): a child JVM opens the store and keeps it open, this JVM opens the same data directory, and
 * each sees what the other wrote; when the first one ends, the second goes on.
 */
class StoreSharedByTwoProcessesTest {

  static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  @TempDir Path dataDir;

  @Test
  void aSecondProcessOpensTheSameStoreAndBothSeeEachOthersWrites() throws Exception {
    Process child = startChild(dataDir);
    try (BufferedReader childOut =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        PrintStream childIn =
            new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
      String ready = nextLine(childOut);
      assertThat(ready).as("the first process opened the store").startsWith("ready ");
      long caseId = Long.parseLong(ready.substring("ready ".length()));

      try (JdbcCaseStore second = JdbcCaseStore.open(StoreSettings.defaults(dataDir))) {
        assertThat(second.findCase(caseId)).as("the first process's case").isPresent();
        second.appendMessage(message(caseId, "from the second process"));

        childIn.println("count");
        assertThat(nextLine(childOut)).as("the first process sees the write").isEqualTo("1");

        String server = lockFileServer(dataDir);
        String host = server.substring(0, server.lastIndexOf(':'));
        int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
        assertThat(InetAddress.getByName(host).isLoopbackAddress())
            .as("the database is served on the loopback: %s", server)
            .isTrue();
        assertThat(reachableOutsideLoopback(port)).as("reached from another interface").isEmpty();

        childIn.println("quit");
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        second.appendMessage(message(caseId, "after the first process ended"));
        assertThat(second.messages(caseId)).hasSize(2);
      }
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void aDatabaseUrlWithoutAutoServerInUseSaysInOneLineWhatToDo() throws Exception {
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("own") + ";WRITE_DELAY=0";
    StoreSettings settings = StoreSettings.defaults(dataDir).withDatabase(url, "sa", "");
    Process child = startChild(dataDir, url);
    try (BufferedReader childOut =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(nextLine(childOut)).startsWith("ready ");

      assertThatThrownBy(() -> JdbcCaseStore.open(settings))
          .isInstanceOf(CaseStoreUnavailableException.class)
          .hasMessage(
              "Cannot open the case database at "
                  + url
                  + " (user 'sa'): another process has it open. Add ;AUTO_SERVER=TRUE to db.url"
                  + " in every process that shares it (the default database has it), or stop the"
                  + " other process");
    } finally {
      child.destroyForcibly();
    }
  }

  /** This machine's other addresses on which {@code port} accepts a connection. */
  private static List<InetAddress> reachableOutsideLoopback(int port) throws Exception {
    List<InetAddress> reached = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a.isLoopbackAddress()) {
          continue;
        }
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(a, port), 2000);
          reached.add(a);
        } catch (IOException refused) {
          // not listening there: as it should be
        }
      }
    }
    return reached;
  }

  /** The address H2 wrote for the other processes to reach the database through. */
  private static String lockFileServer(Path dataDir) throws Exception {
    Properties lock = new Properties();
    try (var in = Files.newInputStream(dataDir.resolve("regdoc.lock.db"))) {
      lock.load(in);
    }
    return lock.getProperty("server", "");
  }

  static ChatMessage message(long caseId, String text) {
    return new ChatMessage(caseId, "terminal:bob", "bob", false, text, T0.plusSeconds(1));
  }

  private static String nextLine(BufferedReader in) throws Exception {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                String line = in.readLine();
                return line == null ? "(the child ended)" : line;
              } catch (Exception e) {
                return "reading the child failed: " + e;
              }
            })
        .get(90, TimeUnit.SECONDS);
  }

  private static Process startChild(Path dataDir, String... url) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "-Duser.timezone=UTC",
            Child.class.getName(),
            dataDir.toString(),
            url.length > 0 ? url[0] : StoreSettings.defaultH2Url(dataDir));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  /**
   * The first process: opens the store (data directory, URL), writes a case, then answers "count"
   * with the case's message count until "quit".
   */
  static final class Child {
    public static void main(String[] args) throws Exception {
      StoreSettings settings =
          StoreSettings.defaults(Path.of(args[0])).withDatabase(args[1], "sa", "");
      try (JdbcCaseStore store = JdbcCaseStore.open(settings)) {
        long id = store.newCase("alice", T0).id();
        System.out.println("ready " + id);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("quit"); ) {
          System.out.println(store.messages(id).size());
          line = in.readLine();
        }
      }
    }
  }
}
