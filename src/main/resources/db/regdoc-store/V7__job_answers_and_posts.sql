-- regdoc case store, schema version 7: what a queued turn left behind, so that another instance can finish it.

-- The answer of a job whose front end cannot post into its conversation from any instance (the web chat): the
-- instance that analysed writes it here, whichever instance serves the browser reads it.
ALTER TABLE analysis_jobs ADD COLUMN answer_json ${text};

-- The chat event a job was queued for (Slack's event id): a retry that reaches any instance finds it queued
-- already. NULL for jobs without an event (several NULLs do not collide).
ALTER TABLE analysis_jobs ADD COLUMN event_key VARCHAR(500);
CREATE UNIQUE INDEX analysis_jobs_event ON analysis_jobs (event_key);

-- What a job posted into its conversation (the progress message, each picture), so that an instance taking the
-- job over after a crash posts each only once.
CREATE TABLE job_posts (
  job_id BIGINT NOT NULL REFERENCES analysis_jobs (id) ON DELETE CASCADE,
  item VARCHAR(500) NOT NULL,
  posted VARCHAR(500) NOT NULL,
  PRIMARY KEY (job_id, item)
);
