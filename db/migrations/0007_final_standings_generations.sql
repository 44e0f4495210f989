PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_final_standings` (
	`round_id` text NOT NULL,
	`generation` integer DEFAULT 0 NOT NULL,
	`rank` integer NOT NULL,
	`participant_id` text NOT NULL,
	`attempt_seq` integer NOT NULL,
	`prediction_error` integer,
	PRIMARY KEY(`round_id`, `generation`, `rank`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_final_standings`("round_id", "generation", "rank", "participant_id", "attempt_seq", "prediction_error") SELECT "round_id", 0, "rank", "participant_id", "attempt_seq", "prediction_error" FROM `final_standings`;--> statement-breakpoint
DROP TABLE `final_standings`;--> statement-breakpoint
ALTER TABLE `__new_final_standings` RENAME TO `final_standings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `final_standings_participant` ON `final_standings` (`round_id`,`generation`,`participant_id`);--> statement-breakpoint
ALTER TABLE `rounds` ADD `final_generation` integer DEFAULT 0 NOT NULL;