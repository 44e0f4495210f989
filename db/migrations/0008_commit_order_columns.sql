ALTER TABLE `attempts` ADD `finish_tx` integer;--> statement-breakpoint
CREATE INDEX `attempts_finish_tx` ON `attempts` (`finish_tx`) WHERE finish_tx IS NOT NULL;--> statement-breakpoint
ALTER TABLE `standings_changes` ADD `tx` integer;--> statement-breakpoint
CREATE INDEX `standings_changes_tx` ON `standings_changes` (`tx`,`seq`) WHERE tx IS NOT NULL;