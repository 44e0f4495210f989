CREATE TABLE `attempt_items` (
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
);
--> statement-breakpoint
CREATE INDEX `attempt_items_question` ON `attempt_items` (`question_id`);--> statement-breakpoint
CREATE TABLE `attempts` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`round_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`started_at` integer NOT NULL,
	`deadline_at` integer NOT NULL,
	`submitted_at` integer,
	`ended_at` integer,
	`prediction` integer,
	`score` real,
	`max_score` real,
	`correct_count` integer,
	`client_address` text,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempts_id_unique` ON `attempts` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `attempts_round_participant_number` ON `attempts` (`round_id`,`participant_id`,`number`);--> statement-breakpoint
CREATE INDEX `attempts_status_deadline` ON `attempts` (`status`,`deadline_at`);--> statement-breakpoint
CREATE INDEX `attempts_round_status` ON `attempts` (`round_id`,`status`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text NOT NULL,
	`actor_role` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`detail` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contests` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`rules` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`one_prize_per_person` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contests_slug_unique` ON `contests` (`slug`);--> statement-breakpoint
CREATE TABLE `disqualifications` (
	`round_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`reason` text NOT NULL,
	`by` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`round_id`, `participant_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `final_standings` (
	`round_id` text NOT NULL,
	`rank` integer NOT NULL,
	`participant_id` text NOT NULL,
	`attempt_seq` integer NOT NULL,
	`prediction_error` integer,
	PRIMARY KEY(`round_id`, `rank`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `final_standings_participant` ON `final_standings` (`round_id`,`participant_id`);--> statement-breakpoint
CREATE TABLE `participant_units` (
	`participant_id` text NOT NULL,
	`contest_id` text NOT NULL,
	`unit_id` text NOT NULL,
	PRIMARY KEY(`participant_id`, `contest_id`),
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `participant_units_unit` ON `participant_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`full_name` text NOT NULL,
	`name_folded` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`phone` text NOT NULL,
	`national_id` text,
	`position` text,
	`password_hash` text NOT NULL,
	`consent_at` integer NOT NULL,
	`consent_version` text NOT NULL,
	`client_address` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participants_phone_unique` ON `participants` (`phone`);--> statement-breakpoint
CREATE UNIQUE INDEX `participants_nationalId_unique` ON `participants` (`national_id`);--> statement-breakpoint
CREATE TABLE `question_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`attempt_id` text NOT NULL,
	`position` integer NOT NULL,
	`question_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`message` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `question_revisions` (
	`question_id` text NOT NULL,
	`revision` integer NOT NULL,
	`content` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	PRIMARY KEY(`question_id`, `revision`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `questions` (
	`id` text PRIMARY KEY NOT NULL,
	`revision` integer NOT NULL,
	`topic` text NOT NULL,
	`difficulty` integer NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`group` text,
	`tags` text NOT NULL,
	`stem_folded` text NOT NULL,
	`fingerprint` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `questions_topic_status` ON `questions` (`topic`,`status`);--> statement-breakpoint
CREATE INDEX `questions_fingerprint` ON `questions` (`fingerprint`);--> statement-breakpoint
CREATE TABLE `round_prizes` (
	`round_id` text NOT NULL,
	`rank` integer NOT NULL,
	`name` text NOT NULL,
	`participant_id` text NOT NULL,
	PRIMARY KEY(`round_id`, `rank`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`contest_id` text NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`question_count` integer NOT NULL,
	`time_limit_sec` integer NOT NULL,
	`max_attempts` integer,
	`blueprint` text NOT NULL,
	`prediction_enabled` integer DEFAULT false NOT NULL,
	`prediction_target` text,
	`tiebreak` text NOT NULL,
	`prizes` text NOT NULL,
	`unit_prizes` text NOT NULL,
	`freeze_at` integer,
	`grace_sec` integer NOT NULL,
	`finalized_at` integer,
	`prediction_truth` integer,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_contest_number` ON `rounds` (`contest_id`,`number`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_kind` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_username_unique` ON `staff_users` (`username`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`contest_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` text,
	`headcount` integer,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_contest_code` ON `units` (`contest_id`,`code`);--> statement-breakpoint
CREATE INDEX `units_parent` ON `units` (`parent_id`);