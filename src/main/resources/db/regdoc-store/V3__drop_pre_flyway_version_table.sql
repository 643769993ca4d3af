-- regdoc case store, schema version 3: the schema history is Flyway's (regdoc_schema_history) from now on. A
-- database made before Flyway was baselined at the version its own table named; that table goes.
DROP TABLE IF EXISTS regdoc_schema;
