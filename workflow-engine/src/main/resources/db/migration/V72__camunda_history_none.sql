-- Camunda keeps no history (camunda.bpm.history-level: none, docs/architecture.md "Camunda keeps no history"): the
-- event store is the record of every step. Camunda refuses to start when the level stored in its database differs
-- from the configured one, so a database made with history full (level 3) is moved to none (level 0) here, before
-- the engine starts. A new database has no such row yet: the engine writes its level at its first start. The rows
-- the older history wrote stay where they are, read by nothing.
update act_ge_property set value_ = '0' where name_ = 'historyLevel';
