-- regdoc case store, schema version 8: every chat turn queued before its ack, run in order per conversation.

-- A queued turn is claimed only once every earlier turn of its conversation has ended: the claim looks for them here.
CREATE INDEX analysis_jobs_conversation ON analysis_jobs (conversation, id);

-- Which queued turn took an event key (a file announced twice is analysed by the turn that took it first): the same
-- turn, run again by the instance that took it over from one that died, finds its own choice instead of a taken key.
-- NULL for keys taken outside the queue.
ALTER TABLE handled_events ADD COLUMN handled_by VARCHAR(500);
