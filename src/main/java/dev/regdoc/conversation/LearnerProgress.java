package dev.regdoc.conversation;

import dev.regdoc.conversation.store.CaseStore;
import dev.regdoc.conversation.store.PointTally;
import dev.regdoc.conversation.store.UserProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "progress of &lt;user&gt;" (or "my progress"): each lesson's state for that learner, and the key
 * points they keep missing, most missed first, from the case store's tallies.
 */
final class LearnerProgress {
  private static final int WEAK_POINTS_SHOWN = 5;
  private final CaseStore store;
  private final Phrases say;
  private final Teacher teacher;
  private final LearningTeams teams;

  LearnerProgress(CaseStore store, Phrases say, Teacher teacher, LearningTeams teams) {
    this.store = store;
    this.say = say;
    this.teacher = teacher;
    this.teams = teams;
  }

  /** The report on {@code name} (null: the asking user). */
  void show(Turn t, String asked) {
    // Slack writes a mentioned user as <@U0ALICE> or <@U0ALICE|alice>
    String name = asked == null ? null : asked.replaceAll("^<@([A-Za-z0-9]+)(?:\\|[^>]*)?>$", "$1");
    Optional<String> user =
        name == null ? Optional.of(t.in.user()) : store.usersNamed(name).stream().findFirst();
    if (user.isPresent() && !teams.mayView(t.in.user(), user.get())) {
      t.say(say.get("progress-not-your-team", t.lang, "user", name));
      return;
    }
    Optional<UserProfile> profile =
        user.flatMap(u -> u.equals(t.in.user()) ? Optional.of(t.profile()) : store.user(u));
    if (profile.isEmpty() || user.isEmpty()) {
      t.say(say.get("progress-unknown", t.lang, "user", name == null ? t.in.userName() : name));
      return;
    }
    Map<String, String> learning = profile.get().learning();
    List<String> lines = new ArrayList<>();
    for (String id : teacher.lessonIds()) {
      lines.add(
          say.get(
              "progress-lesson",
              t.lang,
              "title",
              teacher.title(t, id),
              "state",
              teacher.state(learning.get(id), t)));
    }
    t.say(say.get("progress-title", t.lang, "user", name == null ? t.in.userName() : name));
    t.say(String.join("\n", lines));
    List<String> weak = weakPoints(t, user.get());
    t.say(weak.isEmpty() ? say.get("progress-no-weak", t.lang) : say.get("progress-weak", t.lang));
    if (!weak.isEmpty()) {
      t.say(String.join("\n", weak));
    }
  }

  /** The points missed more often than made, most missed first, each with its counts. */
  private List<String> weakPoints(Turn t, String user) {
    List<PointTally> weak =
        store.pointTallies(user).stream()
            .filter(p -> p.missed() > 0 && p.missed() >= p.covered())
            .sorted(Comparator.comparingInt(PointTally::missed).reversed())
            .limit(WEAK_POINTS_SHOWN)
            .toList();
    List<String> out = new ArrayList<>();
    for (PointTally p : weak) {
      out.add(
          say.get(
              "progress-weak-point",
              t.lang,
              "point",
              pointText(t, p),
              "missed",
              p.missed(),
              "times",
              p.missed() + p.covered(),
              "lesson",
              teacher.title(t, p.lesson())));
    }
    return out;
  }

  /** What the point asks of an answer (an exercise's question), in the reply's language. */
  private String pointText(Turn t, PointTally p) {
    return teacher.pointText(t, p.lesson(), p.point()).orElse(p.point());
  }
}
