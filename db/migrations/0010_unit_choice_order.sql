ALTER TABLE `participant_units` ADD `choice_order` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Rows from before keep their order: rowid grew with each insert.
UPDATE `participant_units` SET `choice_order` = rowid;
