package dev.regdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As a user meets it: the bot runs ({@code regdoc serve}) on the default data directory, and the
 * README's {@code printf 'what is reason code 13?\n' | regdoc chat} answers beside it; a second
 * serve on the same port says in one line what to do; the bot goes on serving. Each is its own JVM
 * running the command line's main class, with a home folder of its own.
 */
class TwoRegdocProcessesTest {
  private static final Pattern WEB_CHAT = Pattern.compile("regdoc: web chat on (http://\\S+)");

  @TempDir Path home;

  @Test
  void theTerminalChatAndASecondServeWorkBesideTheRunningBot() throws Exception {
    Process serve = start(List.of("serve", "--port", "0", "--no-terminal"));
    try {
      List<String> serveOutput = new ArrayList<>();
      String uri = awaitWebChat(serve, serveOutput);
      assertThat(uri).as("serve printed: %s", serveOutput).startsWith("http://127.0.0.1:");
      assertThat(home.resolve(".regdoc/regdoc.mv.db")).as("the default case database").exists();

      Process chat = start(List.of("chat"));
      chat.getOutputStream().write("what is reason code 13?\n".getBytes(StandardCharsets.UTF_8));
      chat.getOutputStream().close();
      Finished chatRun = finish(chat);
      assertThat(chatRun.exit()).as("chat stderr: %s", chatRun.err()).isZero();
      assertThat(chatRun.out()).contains("KeepAliveTimeout");
      assertThat(chatRun.err()).doesNotContain("Cannot open the case database");

      String port = uri.replaceAll(".*:(\\d+)/?$", "$1");
      Finished second = finish(start(List.of("serve", "--port", port, "--no-terminal")));
      assertThat(second.exit()).isEqualTo(1);
      assertThat(second.err().strip())
          .as("one line that says what to do")
          .hasLineCount(1)
          .isEqualTo(
              "regdoc: the web chat cannot listen on 127.0.0.1:"
                  + port
                  + ": the port is in use (regdoc already serving? it is at "
                  + uri
                  + "); give this one another with --port N (0: any free port)");

      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(uri)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).as("the first bot still serves").isEqualTo(200);
    } finally {
      serve.destroy();
      if (!serve.waitFor(60, TimeUnit.SECONDS)) {
        serve.destroyForcibly();
      }
    }
  }

  record Finished(int exit, String out, String err) {}

  private Process start(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "-Djava.awt.headless=true",
            "-Duser.timezone=UTC",
            "-Dfile.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8",
            "-Duser.home=" + home,
            "-Dregdoc.kb=" + Path.of("knowledge-base").toAbsolutePath(),
            "-Dregdoc.rules=" + Path.of("rules").toAbsolutePath(),
            Main.class.getName()));
    cmd.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(cmd).directory(Files.createDirectories(home.resolve("cwd")).toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("REGDOC_"));
    return pb.start();
  }

  /** The web chat's address from serve's output, or what it printed before it ended. */
  private static String awaitWebChat(Process serve, List<String> output) throws Exception {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  Matcher m = WEB_CHAT.matcher(line);
                  if (m.find()) {
                    return m.group(1);
                  }
                  output.add(line);
                }
                return "(serve ended, exit " + serve.waitFor() + ")";
              } catch (Exception e) {
                return "(reading serve failed: " + e + ")";
              }
            })
        .get(180, TimeUnit.SECONDS);
  }

  private static Finished finish(Process p) throws Exception {
    CompletableFuture<String> out = read(p.getInputStream());
    CompletableFuture<String> err = read(p.getErrorStream());
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return new Finished(p.waitFor(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
  }

  private static CompletableFuture<String> read(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (Exception e) {
            return "(unreadable: " + e + ")";
          }
        });
  }
}
