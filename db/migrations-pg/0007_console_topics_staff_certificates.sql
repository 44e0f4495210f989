CREATE TABLE "certificates" (
	"code" text COLLATE "C" PRIMARY KEY NOT NULL,
	"participant_id" text COLLATE "C" NOT NULL,
	"round_id" text COLLATE "C" NOT NULL,
	"kind" text COLLATE "C" NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"description" text COLLATE "C" DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "disabled" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "unit_id" text COLLATE "C";--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_owner" ON "certificates" USING btree ("participant_id","round_id","kind");--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Every topic the bank already uses becomes a row; the server names the shipped ones at start.
INSERT INTO "topics" ("id", "name", "description", "created_at") SELECT DISTINCT "topic", "topic", '', 0 FROM "questions";
