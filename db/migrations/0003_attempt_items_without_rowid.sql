-- attempt_items is keyed by (attempt_seq, position) and read only by that key or question_id: storing it
-- WITHOUT ROWID drops the separate primary-key index, about a quarter of the bytes of each answer sheet.
CREATE TABLE `attempt_items_new` (
	`attempt_seq` integer NOT NULL,
	`position` integer NOT NULL,
	`question_id` text NOT NULL,
	`revision` integer NOT NULL,
	`option_order` text NOT NULL,
	`choice` text NOT NULL,
	`answered_at` integer,
	`correct` integer,
	PRIMARY KEY(`attempt_seq`, `position`),
	FOREIGN KEY (`attempt_seq`) REFERENCES `attempts`(`seq`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `attempt_items_new` SELECT `attempt_seq`, `position`, `question_id`, `revision`, `option_order`, `choice`, `answered_at`, `correct` FROM `attempt_items`;
--> statement-breakpoint
DROP TABLE `attempt_items`;
--> statement-breakpoint
ALTER TABLE `attempt_items_new` RENAME TO `attempt_items`;
--> statement-breakpoint
CREATE INDEX `attempt_items_question` ON `attempt_items` (`question_id`);
