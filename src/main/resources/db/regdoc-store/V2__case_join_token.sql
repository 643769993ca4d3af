-- regdoc case store, schema version 2: each case's join token, the random part of the code that joins it from a
-- front end anyone may call (the web chat); case ids are sequential and guessable. Cases from version 1 get one
-- the first time it is asked for.
ALTER TABLE cases ADD COLUMN join_token VARCHAR(64);
