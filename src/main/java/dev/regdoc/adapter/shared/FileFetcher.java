package dev.regdoc.adapter.shared;

import dev.regdoc.common.BoundedCopy;
import dev.regdoc.common.Sizes;
import dev.regdoc.common.TempFiles;
import dev.regdoc.conversation.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Downloads a file a user shared only from the platform's file host(s) (Slack's, with the bot
 * token; Discord's CDN, without). Nothing else is ever fetched: the URL comes from the event, so a
 * forged or odd URL must not make regdoc call arbitrary hosts.
 */
public final class FileFetcher {
  private final String platform;
  private final Set<String> allowedHosts;
  private final long maxBytes;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * @param platform the platform's name as refusals say it ("Slack")
   * @param allowedHosts the only hosts downloaded from
   * @param maxBytes the largest file accepted
   */
  public FileFetcher(String platform, Set<String> allowedHosts, long maxBytes) {
    this.platform = platform;
    this.allowedHosts =
        allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    this.maxBytes = maxBytes;
  }

  /**
   * Why the file may not be downloaded, or null when it may (checked before any byte is fetched).
   */
  public Refusal refusal(String name, String url, long size) {
    if (size > maxBytes) {
      return Refusal.of(
          "team-file-too-large",
          "file",
          name,
          "size",
          Sizes.human(size),
          "limit",
          Sizes.human(maxBytes));
    }
    if (url == null || url.isBlank()) {
      return Refusal.of("team-file-no-link", "file", name, "platform", platform);
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Refusal.of("team-file-bad-link", "file", name);
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!allowedHosts.contains(host)) {
      return Refusal.of("team-file-other-host", "file", name, "platform", platform, "host", host);
    }
    if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && isLoopback(host))) {
      return Refusal.of("team-file-not-https", "file", name);
    }
    return null;
  }

  /** Why a download failed: what the platform answered, or the network's own reason. */
  private static final class DownloadException extends IOException {
    private final transient Refusal refusal;

    DownloadException(Refusal refusal, String logged) {
      super(logged);
      this.refusal = refusal;
    }
  }

  /**
   * Downloads to a temp file, stopping if the body grows past the limit (the announced size may be
   * wrong).
   *
   * @param botToken sent as a bearer token, or null for a host that needs none (Discord's CDN links
   *     are signed)
   */
  public Path download(String name, String url, String botToken) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET();
    if (botToken != null) {
      b.header("Authorization", "Bearer " + botToken);
    }
    HttpRequest req = b.build();
    HttpResponse<InputStream> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DownloadException(
          Refusal.of("team-file-download-failed", "file", name, "reason", "interrupted"),
          "download of " + name + " was interrupted");
    }
    if (resp.statusCode() != 200) {
      resp.body().close();
      throw new DownloadException(
          Refusal.of(
              "team-file-download-failed",
              "file",
              name,
              "reason",
              platform + ": HTTP " + resp.statusCode()),
          platform + " answered " + resp.statusCode() + " when regdoc downloaded " + name);
    }
    Path tmp = TempFiles.process().newFile(platform.toLowerCase(Locale.ROOT) + "-", ".upload");
    try (InputStream in = resp.body()) {
      if (BoundedCopy.copyAtMost(in, tmp, maxBytes) == BoundedCopy.TOO_LARGE) {
        throw new DownloadException(
            Refusal.of("team-file-download-stopped", "file", name, "limit", Sizes.human(maxBytes)),
            name + " is larger than the limit of " + Sizes.human(maxBytes) + "; download stopped");
      }
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return tmp;
  }

  /**
   * Checks and downloads one file a user shared: the upload for the engine, or empty when it was
   * refused or failed, with the reason (said in the thread) added to {@code refusals}.
   */
  public Optional<Upload> fetch(
      String name, String url, long size, String botToken, List<Refusal> refusals) {
    Refusal refusal = refusal(name, url, size);
    if (refusal != null) {
      refusals.add(refusal);
      return Optional.empty();
    }
    try {
      Path p = download(name, url, botToken);
      return Optional.of(new Upload(name, Files.size(p), p));
    } catch (DownloadException e) {
      refusals.add(e.refusal);
      return Optional.empty();
    } catch (IOException e) {
      refusals.add(
          Refusal.of(
              "team-file-download-failed",
              "file",
              name,
              "reason",
              e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return Optional.empty();
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress()
          && (host.equals("localhost") || Character.isDigit(host.charAt(0)));
    } catch (IOException e) {
      return false;
    }
  }
}
