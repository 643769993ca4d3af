package dev.regdoc.adapter.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.File;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts into a thread with the bot token: messages, updates of the progress message, file uploads
 * (files.uploadV2), and reads back which messages a queued job posted (conversations.replies).
 */
final class SlackPoster {
  /** The metadata event type of the messages a queued job posts (see {@link #tag}). */
  static final String JOB_POST = "regdoc_job_post";

  private final MethodsClient client;

  SlackPoster(MethodsClient client) {
    this.client = client;
  }

  /** Posts a message and returns its ts (the thread's ts when threadTs is null). */
  String post(String channel, String threadTs, String text, List<LayoutBlock> blocks)
      throws IOException {
    return post(channel, threadTs, text, blocks, null);
  }

  /**
   * Posts a message tagged with {@code tag} (Slack's message metadata, null for none) and returns
   * its ts.
   */
  String post(
      String channel, String threadTs, String text, List<LayoutBlock> blocks, Message.Metadata tag)
      throws IOException {
    try {
      ChatPostMessageResponse r =
          client.chatPostMessage(
              b -> {
                b.channel(channel).text(text).threadTs(threadTs);
                if (blocks != null && !blocks.isEmpty()) {
                  b.blocks(blocks);
                }
                if (tag != null) {
                  b.metadata(tag);
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

  /** The tag of message {@code item} of queued job {@code job}. */
  static Message.Metadata tag(long job, String item) {
    return new Message.Metadata(JOB_POST, Map.of("job", Long.toString(job), "item", item));
  }

  /**
   * The messages of job {@code job} in a thread, by item, as their tags say (conversations.replies
   * with the messages' metadata): what the job posted, whether or not it lived to record it.
   */
  Map<String, String> tagged(String channel, String threadTs, long job) throws IOException {
    Map<String, String> out = new HashMap<>();
    String cursor = "";
    do {
      String page = cursor;
      try {
        ConversationsRepliesResponse r =
            client.conversationsReplies(
                b -> {
                  b.channel(channel).ts(threadTs).includeAllMetadata(true).limit(200);
                  return page.isEmpty() ? b : b.cursor(page);
                });
        check(r.isOk(), "conversations.replies", r.getError());
        for (Message m : r.getMessages() == null ? List.<Message>of() : r.getMessages()) {
          Message.Metadata md = m.getMetadata();
          if (md != null
              && JOB_POST.equals(md.getEventType())
              && md.getEventPayload() != null
              && Long.toString(job).equals(String.valueOf(md.getEventPayload().get("job")))) {
            out.putIfAbsent(String.valueOf(md.getEventPayload().get("item")), m.getTs());
          }
        }
        cursor =
            r.getResponseMetadata() == null || r.getResponseMetadata().getNextCursor() == null
                ? ""
                : r.getResponseMetadata().getNextCursor();
      } catch (SlackApiException e) {
        throw new IOException("conversations.replies failed: HTTP " + e.getResponse().code());
      }
    } while (!cursor.isEmpty());
    return out;
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
