-- A dense number per person in registration order, the key of the in-memory boards and name book.
-- Numbers are handed out as rows are inserted, not as they commit: readers must not assume that every
-- number below the highest they saw is already visible (the name book looks up what it misses).
CREATE SEQUENCE "participants_seq";--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "seq" bigint;--> statement-breakpoint
UPDATE "participants" p SET "seq" = o.n FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM "participants") o WHERE o.id = p.id;--> statement-breakpoint
SELECT setval('participants_seq', coalesce((SELECT max("seq") FROM "participants"), 0) + 1, false);--> statement-breakpoint
ALTER TABLE "participants" ALTER COLUMN "seq" SET DEFAULT nextval('participants_seq');--> statement-breakpoint
ALTER TABLE "participants" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "participants_seq_key" ON "participants" USING btree ("seq");
