CREATE TABLE "guess_guard" (
	"key" text COLLATE "C" PRIMARY KEY NOT NULL,
	"failures" text COLLATE "C" NOT NULL,
	"in_flight" text COLLATE "C" NOT NULL,
	"last_try" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_hits" (
	"key" text COLLATE "C" NOT NULL,
	"second" bigint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_hits_key_second_pk" PRIMARY KEY("key","second")
);
