CREATE TABLE `round_unit_prizes` (
	`round_id` text NOT NULL,
	`rank` integer NOT NULL,
	`name` text NOT NULL,
	`unit_id` text NOT NULL,
	PRIMARY KEY(`round_id`, `rank`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action
);
