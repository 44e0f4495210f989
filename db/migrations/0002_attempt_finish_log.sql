ALTER TABLE `attempts` ADD `finish_seq` integer;--> statement-breakpoint
ALTER TABLE `attempts` ADD `answer_sig` text;--> statement-breakpoint
CREATE INDEX `attempts_round_finish` ON `attempts` (`round_id`,`finish_seq`);--> statement-breakpoint
CREATE INDEX `attempts_round_sig` ON `attempts` (`round_id`,`answer_sig`);--> statement-breakpoint
CREATE INDEX `attempts_finish_seq` ON `attempts` (`finish_seq`);