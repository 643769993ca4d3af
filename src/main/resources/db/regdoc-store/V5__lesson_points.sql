-- regdoc case store, schema version 5: per learner, lesson and key point (or find-the-frame exercise), how often
-- an answer made it and how often it missed it, so that "teach me" and "progress of <user>" can name the points a
-- learner keeps missing. last_at is epoch nanoseconds, like every instant of the store.
CREATE TABLE lesson_points (
  user_id VARCHAR(500) NOT NULL,
  lesson_id VARCHAR(200) NOT NULL,
  point_id VARCHAR(200) NOT NULL,
  covered INTEGER NOT NULL,
  missed INTEGER NOT NULL,
  last_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, lesson_id, point_id)
);
