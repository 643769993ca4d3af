package dev.regdoc.store;

import dev.regdoc.conversation.store.ConversationTurns;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * The conversation turns in the table conversation_turns (H2 and PostgreSQL). A history is read in
 * two queries: the lengths of the latest turns, to decide which go in full, then the turns in the
 * form decided, so that old pictures are never read only to be left out.
 */
final class JdbcConversationTurns implements ConversationTurns {
  private record Size(long id, long full, long slim) {}

  private final JdbcTransactions tx;

  JdbcConversationTurns(DataSource db) {
    this.tx = new JdbcTransactions(db, "conversation turns");
  }

  @Override
  public boolean append(
      String conversation, Long job, boolean fromBot, String json, String slimJson, Instant at) {
    String keep = slimJson == null || slimJson.equals(json) ? null : slimJson;
    try {
      return tx.runOrThrow(
          c -> {
            // a queued turn another instance recorded already is left as it is: the look first
            // saves a failed insert in the usual case, the unique index decides in a race
            if (job != null
                && JdbcTransactions.first(
                        c,
                        "SELECT 1 FROM conversation_turns WHERE job_id = ? AND from_bot = ?",
                        ps -> {
                          ps.setLong(1, job);
                          ps.setBoolean(2, fromBot);
                        },
                        rs -> true)
                    .isPresent()) {
              return false;
            }
            JdbcTransactions.update(
                c,
                "INSERT INTO conversation_turns (conversation, job_id, from_bot, turn_json,"
                    + " slim_json, full_chars, slim_chars, said_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                    + " ?)",
                ps -> {
                  ps.setString(1, conversation);
                  ps.setObject(2, job, Types.BIGINT);
                  ps.setBoolean(3, fromBot);
                  ps.setString(4, json);
                  ps.setString(5, keep);
                  ps.setLong(6, json.length());
                  ps.setLong(7, keep == null ? json.length() : keep.length());
                  Sql.setInstant(ps, 8, at);
                });
            return true;
          });
    } catch (SQLException e) {
      if (job != null && Sql.isDuplicateKey(e)) {
        return false;
      }
      throw tx.failure(e);
    }
  }

  @Override
  public List<Said> recent(String conversation, int maxTurns, long maxChars) {
    return tx.run(
        c -> {
          List<Size> sizes =
              JdbcTransactions.query(
                  c,
                  "SELECT id, full_chars, slim_chars FROM conversation_turns"
                      + " WHERE conversation = ? ORDER BY id DESC LIMIT ?",
                  ps -> {
                    ps.setString(1, conversation);
                    ps.setInt(2, Math.max(1, maxTurns));
                  },
                  rs -> new Size(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
          if (sizes.isEmpty()) {
            return List.of();
          }
          // newest first: in full while the budget allows, then slim, then no more
          long used = 0;
          long fullFrom = sizes.get(0).id();
          long from = sizes.get(0).id();
          boolean slim = false;
          for (int i = 0; i < sizes.size(); i++) {
            Size s = sizes.get(i);
            slim |= i > 0 && used + s.full() > maxChars;
            long size = slim ? s.slim() : s.full();
            if (i > 0 && used + size > maxChars) {
              break;
            }
            used += size;
            from = s.id();
            if (!slim) {
              fullFrom = s.id();
            }
          }
          long fullFromId = fullFrom;
          long fromId = from;
          return JdbcTransactions.query(
              c,
              "SELECT id, job_id, from_bot, CASE WHEN id >= ? OR slim_json IS NULL THEN turn_json"
                  + " ELSE slim_json END FROM conversation_turns"
                  + " WHERE conversation = ? AND id >= ? ORDER BY id",
              ps -> {
                ps.setLong(1, fullFromId);
                ps.setString(2, conversation);
                ps.setLong(3, fromId);
              },
              rs -> {
                long id = rs.getLong(1);
                long job = rs.getLong(2);
                Long jobOrNull = rs.wasNull() ? null : job;
                return new Said(id, jobOrNull, rs.getBoolean(3), rs.getString(4));
              });
        });
  }
}
