CREATE TABLE `standings_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`contest_id` text,
	`round_id` text,
	`participant_id` text,
	`unit_id` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `standings_changes_kind` ON `standings_changes` (`kind`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `attempts_one_in_progress` ON `attempts` (`round_id`,`participant_id`) WHERE status = 'in_progress';