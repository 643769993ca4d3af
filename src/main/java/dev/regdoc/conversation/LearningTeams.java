package dev.regdoc.conversation;

import java.util.List;
import java.util.Set;

/**
 * Who may see whose lesson progress in Slack, where a workspace is shared by many people: a lead
 * sees the learners of the teams they lead (and themselves), nobody else. A team is what the bot's
 * configuration says (lessons.teams: each team's leads and members by Slack user id), because that
 * is the one place an operator states it on purpose; channels and Slack user groups mix leads,
 * learners and onlookers. The terminal and the web chat run on the engineer's own machine and are
 * not restricted.
 */
public record LearningTeams(List<Team> teams) {
  private static final String SLACK = "slack:";

  /** One team: its leads and its members, each a Slack user id ("U0ALICE"). */
  public record Team(String name, Set<String> leads, Set<String> members) {
    public Team {
      leads = Set.copyOf(leads);
      members = Set.copyOf(members);
    }
  }

  public LearningTeams {
    teams = List.copyOf(teams);
  }

  public static LearningTeams none() {
    return new LearningTeams(List.of());
  }

  /**
   * Whether {@code asker} may see the progress of {@code learner} (both as the engine names users).
   */
  boolean mayView(String asker, String learner) {
    if (!asker.startsWith(SLACK) || asker.equals(learner)) {
      return true;
    }
    if (!learner.startsWith(SLACK)) {
      return false;
    }
    String lead = asker.substring(SLACK.length());
    String member = learner.substring(SLACK.length());
    return teams.stream().anyMatch(t -> t.leads().contains(lead) && t.members().contains(member));
  }
}
