package dev.regdoc.adapter.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.File;
import com.slack.api.model.block.LayoutBlock;
import java.io.IOException;
import java.util.List;

/**
 * Posts into a thread with the bot token: messages, updates of the progress message, file uploads
 * (files.uploadV2).
 */
final class SlackPoster {
  private final MethodsClient client;

  SlackPoster(MethodsClient client) {
    this.client = client;
  }

  /** Posts a message and returns its ts (the thread's ts when threadTs is null). */
  String post(String channel, String threadTs, String text, List<LayoutBlock> blocks)
      throws IOException {
    try {
      ChatPostMessageResponse r =
          client.chatPostMessage(
              b -> {
                b.channel(channel).text(text).threadTs(threadTs);
                if (blocks != null && !blocks.isEmpty()) {
                  b.blocks(blocks);
                }
                return b;
              });
      check(r.isOk(), "chat.postMessage", r.getError());
      return r.getTs();
    } catch (SlackApiException e) {
      throw new IOException("chat.postMessage failed: HTTP " + e.getResponse().code());
    }
  }

  void update(String channel, String ts, String text) throws IOException {
    update(channel, ts, text, null);
  }

  /** Replaces a message's text and blocks (the same call again leaves one message). */
  void update(String channel, String ts, String text, List<LayoutBlock> blocks) throws IOException {
    try {
      var r =
          client.chatUpdate(
              b -> {
                b.channel(channel).ts(ts).text(text);
                if (blocks != null && !blocks.isEmpty()) {
                  b.blocks(blocks);
                }
                return b;
              });
      check(r.isOk(), "chat.update", r.getError());
    } catch (SlackApiException e) {
      throw new IOException("chat.update failed: HTTP " + e.getResponse().code());
    }
  }

  void upload(String channel, String threadTs, BlockKitRenderer.FileOut file) throws IOException {
    try {
      var r =
          client.filesUploadV2(
              b ->
                  b.channel(channel)
                      .threadTs(threadTs)
                      .filename(file.fileName())
                      .title(file.title())
                      .fileData(file.content()));
      check(r.isOk(), "files.uploadV2", r.getError());
    } catch (SlackApiException e) {
      throw new IOException("files.uploadV2 failed: HTTP " + e.getResponse().code());
    }
  }

  /** files.info: the file's name, size and link (the file_shared event carries only its id). */
  File fileInfo(String fileId) throws IOException {
    try {
      var r = client.filesInfo(b -> b.file(fileId));
      check(r.isOk(), "files.info", r.getError());
      return r.getFile();
    } catch (SlackApiException e) {
      throw new IOException("files.info failed: HTTP " + e.getResponse().code());
    }
  }

  private static void check(boolean ok, String method, String error) throws IOException {
    if (!ok) {
      throw new IOException(method + " answered " + error);
    }
  }
}
