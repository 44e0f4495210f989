CREATE TABLE `certificates` (
	`code` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`round_id` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_owner` ON `certificates` (`participant_id`,`round_id`,`kind`);--> statement-breakpoint
CREATE TABLE `topics` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `staff_users` ADD `disabled` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `staff_users` ADD `unit_id` text REFERENCES units(id);--> statement-breakpoint
-- Every topic the bank already uses becomes a row; the server names the shipped ones at start.
INSERT INTO `topics` (`id`, `name`, `description`, `created_at`) SELECT DISTINCT `topic`, `topic`, '', 0 FROM `questions`;
