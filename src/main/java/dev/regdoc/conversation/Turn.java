package dev.regdoc.conversation;

import dev.regdoc.conversation.store.UserProfile;
import dev.regdoc.knowledge.Lang;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one user turn works with: what came in, the language, the case and user as changed so
 * far, the reply.
 */
final class Turn {
  final Incoming in;
  final ProgressSink progress;
  Lang lang;
  CaseState caseState;
  final Map<String, String> learning;
  String userLang;
  final String platformLang;
  final Reply.Builder reply = new Reply.Builder();

  Turn(Incoming in, ProgressSink progress, Lang lang, CaseState caseState, UserProfile profile) {
    this.in = in;
    this.progress = progress;
    this.lang = lang;
    this.caseState = caseState;
    this.learning = new LinkedHashMap<>(profile.learning());
    this.userLang = profile.lang();
    this.platformLang = in.langHint() != null ? in.langHint() : profile.platformLang();
  }

  UserProfile profile() {
    return new UserProfile(in.user(), userLang, learning, platformLang);
  }

  Turn say(String markdown) {
    reply.text(markdown);
    return this;
  }

  Turn add(Block b) {
    reply.add(b);
    return this;
  }
}
