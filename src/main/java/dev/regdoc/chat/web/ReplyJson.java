package dev.regdoc.chat.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.regdoc.common.DisplayNames;
import dev.regdoc.conversation.Block;
import dev.regdoc.conversation.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A {@link Reply} as the JSON the page renders: each block's fields plus a "type"; pictures and
 * files as data URIs, a lesson's files as links to {@code api/lesson-file}.
 */
final class ReplyJson {
  private final ObjectMapper mapper;

  ReplyJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode toJson(Reply reply) {
    ObjectNode out = mapper.createObjectNode();
    out.put("lang", reply.lang());
    out.put("caseId", reply.caseId());
    ArrayNode blocks = out.putArray("blocks");
    for (Block b : reply.blocks()) {
      blocks.add(block(b));
    }
    return out;
  }

  ObjectNode block(Block b) {
    ObjectNode node = mapper.valueToTree(b);
    clean(node);
    node.put("type", b.getClass().getSimpleName());
    if (b instanceof Block.Image) {
      Block.Image img = (Block.Image) b;
      node.remove("png");
      node.put("src", dataUri("image/png", img.png()));
    } else if (b instanceof Block.Attachment) {
      Block.Attachment a = (Block.Attachment) b;
      node.remove("content");
      node.put("href", dataUri(a.mimeType(), a.content()));
    } else if (b instanceof Block.LessonFiles l) {
      ArrayNode downloads = node.putArray("downloads");
      for (String f : l.files()) {
        downloads
            .addObject()
            .put("name", DisplayNames.clean(f))
            .put("href", lessonFileHref(l.lesson(), f));
      }
    }
    return node;
  }

  /** Where the page fetches a lesson's file (with its request token, like every API call). */
  static String lessonFileHref(String lesson, String file) {
    return "api/lesson-file?lesson="
        + URLEncoder.encode(lesson, StandardCharsets.UTF_8)
        + "&file="
        + URLEncoder.encode(file, StandardCharsets.UTF_8);
  }

  /**
   * Every text of the block without control or direction-override characters (names come from
   * uploaded files).
   */
  private static void clean(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.fieldNames()
          .forEachRemaining(
              k -> {
                if (o.get(k).isTextual()) {
                  o.put(k, DisplayNames.cleanText(o.get(k).asText()));
                } else {
                  clean(o.get(k));
                }
              });
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual()) {
          a.set(i, TextNode.valueOf(DisplayNames.cleanText(a.get(i).asText())));
        } else {
          clean(a.get(i));
        }
      }
    }
  }

  private static String dataUri(String mime, byte[] bytes) {
    String type = mime == null || mime.isBlank() ? "application/octet-stream" : mime;
    return "data:"
        + type
        + ";base64,"
        + Base64.getEncoder().encodeToString(bytes == null ? new byte[0] : bytes);
  }
}
