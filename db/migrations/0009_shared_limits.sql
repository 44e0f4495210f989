CREATE TABLE `guess_guard` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` text NOT NULL,
	`in_flight` text NOT NULL,
	`last_try` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rate_hits` (
	`key` text NOT NULL,
	`second` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`key`, `second`)
);
