package dev.regdoc.adapter.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.model.File;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.FileSharedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps Slack's events, the slash command and button clicks to {@link SlackRequest}s. Every handler
 * only maps and acks; the work happens in {@link RequestRunner}.
 */
final class SlackEvents {
  static final String COMMAND = "/regdoc";
  private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+>\\s*");

  private final RequestRunner runner;
  private final SlackPoster poster;
  private final String botUserId;

  SlackEvents(RequestRunner runner, SlackPoster poster, String botUserId) {
    this.runner = runner;
    this.poster = poster;
    this.botUserId = botUserId;
  }

  void register(App app) {
    runner.resolveFileSharedWith(this::fromFileShared);
    app.event(
        AppMentionEvent.class,
        (req, ctx) -> {
          AppMentionEvent e = req.getEvent();
          runner.submit(
              messageRequest(
                  req.getEventId(),
                  team(ctx, e.getTeam()),
                  e.getChannel(),
                  e.getThreadTs(),
                  e.getTs(),
                  e.getUser(),
                  e.getText(),
                  e.getFiles()));
          return ctx.ack();
        });
    app.event(
        MessageEvent.class,
        (req, ctx) -> {
          MessageEvent e = req.getEvent();
          if (forRegdoc(
              ctx,
              e.getChannelType(),
              e.getChannel(),
              e.getThreadTs(),
              e.getText(),
              e.getUser(),
              e.getBotId())) {
            runner.submit(
                messageRequest(
                    req.getEventId(),
                    team(ctx, e.getTeam()),
                    e.getChannel(),
                    e.getThreadTs(),
                    e.getTs(),
                    e.getUser(),
                    e.getText(),
                    e.getFiles()));
          }
          return ctx.ack();
        });
    app.event(
        MessageFileShareEvent.class,
        (req, ctx) -> {
          MessageFileShareEvent e = req.getEvent();
          if (forRegdoc(
              ctx,
              e.getChannelType(),
              e.getChannel(),
              e.getThreadTs(),
              e.getText(),
              e.getUser(),
              null)) {
            runner.submit(
                messageRequest(
                    req.getEventId(),
                    team(ctx, null),
                    e.getChannel(),
                    e.getThreadTs(),
                    e.getTs(),
                    e.getUser(),
                    e.getText(),
                    e.getFiles()));
          }
          return ctx.ack();
        });
    app.event(
        FileSharedEvent.class,
        (req, ctx) -> {
          FileSharedEvent e = req.getEvent();
          runner.submitFileShared(
              new SlackRequest(
                  req.getEventId(),
                  team(ctx, null),
                  e.getChannelId(),
                  null,
                  e.getUserId(),
                  "",
                  List.of(new SlackRequest.FileRef(e.getFileId(), e.getFileId(), null, 0)),
                  null));
          return ctx.ack();
        });
    app.command(
        COMMAND,
        (req, ctx) -> {
          var p = req.getPayload();
          runner.submit(
              new SlackRequest(
                  "command:" + p.getTriggerId(),
                  p.getTeamId(),
                  p.getChannelId(),
                  null,
                  p.getUserId(),
                  commandText(p.getText()),
                  List.of(),
                  null));
          return ctx.ack();
        });
    app.blockAction(
        Pattern.compile("^" + Pattern.quote(BlockKitRenderer.ACTION_PREFIX) + ".*"),
        (req, ctx) -> {
          var p = req.getPayload();
          var action = p.getActions().get(0);
          String thread =
              p.getContainer().getThreadTs() != null
                  ? p.getContainer().getThreadTs()
                  : p.getContainer().getMessageTs();
          runner.submit(
              new SlackRequest(
                  "action:" + action.getActionTs() + ":" + p.getUser().getId(),
                  p.getTeam().getId(),
                  p.getChannel().getId(),
                  thread,
                  p.getUser().getId(),
                  "",
                  List.of(),
                  action.getValue()));
          return ctx.ack();
        });
  }

  /**
   * A message as a request, answered in its thread, or in a new thread under the message when it
   * has none.
   */
  private static SlackRequest messageRequest(
      String eventId,
      String team,
      String channel,
      String threadTs,
      String ts,
      String user,
      String text,
      List<File> files) {
    return new SlackRequest(
        eventId,
        team,
        channel,
        threadTs != null ? threadTs : ts,
        user,
        stripMention(text),
        files(files),
        null);
  }

  /**
   * Plain messages are for regdoc in a direct message, or in a case thread; a message that mentions
   * the bot comes again as app_mention and is answered there.
   */
  private boolean forRegdoc(
      Context ctx,
      String channelType,
      String channel,
      String threadTs,
      String text,
      String user,
      String botId) {
    if (botId != null || user == null || user.equals(botUserId)) {
      return false;
    }
    if ("im".equals(channelType)) {
      return true;
    }
    boolean mentionsBot =
        text != null && botUserId != null && text.contains("<@" + botUserId + ">");
    return !mentionsBot && runner.isCaseThread(team(ctx, null), channel, threadTs);
  }

  /**
   * file_shared has only ids (the announced request's one file): files.info gives the file and
   * where it was shared; only case threads count.
   */
  private SlackRequest fromFileShared(SlackRequest announced) throws IOException {
    File f = poster.fileInfo(announced.files().get(0).id());
    String thread = threadOf(f, announced.channel());
    if (!runner.isCaseThread(announced.team(), announced.channel(), thread)
        || announced.user() == null
        || announced.user().equals(botUserId)) {
      return null;
    }
    return new SlackRequest(
        announced.eventKey(),
        announced.team(),
        announced.channel(),
        thread,
        announced.user(),
        "",
        files(List.of(f)),
        null);
  }

  private static String threadOf(File f, String channel) {
    if (f.getShares() == null) {
      return null;
    }
    for (Map<String, List<File.ShareDetail>> m :
        Arrays.asList(f.getShares().getPublicChannels(), f.getShares().getPrivateChannels())) {
      if (m != null && m.get(channel) != null) {
        for (File.ShareDetail d : m.get(channel)) {
          if (d.getThreadTs() != null) {
            return d.getThreadTs();
          }
        }
      }
    }
    return null;
  }

  private static List<SlackRequest.FileRef> files(List<File> files) {
    if (files == null) {
      return List.of();
    }
    return files.stream()
        .map(
            f ->
                new SlackRequest.FileRef(
                    f.getId(),
                    f.getName() == null ? f.getId() : f.getName(),
                    f.getUrlPrivateDownload() != null
                        ? f.getUrlPrivateDownload()
                        : f.getUrlPrivate(),
                    f.getSize() == null ? 0 : f.getSize()))
        .toList();
  }

  /**
   * "/regdoc" alone starts a case; "explain X", "teach me", "help" go to the engine as they are.
   */
  static String commandText(String text) {
    String t = text == null ? "" : text.trim();
    return t.isEmpty() || t.equalsIgnoreCase("start") ? "new case" : t;
  }

  static String stripMention(String text) {
    return text == null ? "" : MENTION.matcher(text).replaceAll("").trim();
  }

  private static String team(Context ctx, String fromEvent) {
    return fromEvent != null ? fromEvent : ctx.getTeamId();
  }
}
