-- regdoc case store, schema version 6: the language a user's chat platform last said they read (Discord tells it
-- only with an interaction), so that their plain messages are answered in it after a restart and on any instance.
ALTER TABLE users ADD COLUMN platform_lang VARCHAR(20);
