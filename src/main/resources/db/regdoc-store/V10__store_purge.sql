-- regdoc case store, schema version 10: what the periodic purge needs to bound the tables that grow with use
-- (finished analysis jobs and what they posted, chat event ids, bytes kept for jobs and never recorded as an
-- upload, and, when an operator asks, old chat-page turns). Cases and what belongs to them are never purged.

-- The one row a purge locks (SELECT ... FOR UPDATE SKIP LOCKED) while it runs: an instance that finds it locked
-- leaves the purge to the one holding it. last_run_at is when the last purge ended, epoch nanoseconds.
CREATE TABLE store_purges (
  id INT PRIMARY KEY,
  last_run_at BIGINT
);
INSERT INTO store_purges (id, last_run_at) VALUES (1, NULL);

-- Finished jobs are found by when they finished.
CREATE INDEX analysis_jobs_finished ON analysis_jobs (finished_at);

-- When bytes were last kept for a queued job (epoch nanoseconds): bytes no upload recorded are purged only once
-- this is older than the retention, so that bytes kept a moment before their job is queued are never taken.
-- NULL for bytes kept before this version: those are left alone.
ALTER TABLE file_contents ADD COLUMN kept_at BIGINT;

-- Old chat-page turns are found by when they were said.
CREATE INDEX conversation_turns_said ON conversation_turns (said_at);
