ALTER TABLE "attempts" ADD COLUMN "finish_tx" bigint;--> statement-breakpoint
ALTER TABLE "standings_changes" ADD COLUMN "tx" bigint DEFAULT pg_current_xact_id()::text::bigint;--> statement-breakpoint
CREATE INDEX "attempts_finish_tx" ON "attempts" USING btree ("finish_tx") WHERE finish_tx IS NOT NULL;--> statement-breakpoint
CREATE INDEX "standings_changes_tx" ON "standings_changes" USING btree ("tx","seq") WHERE tx IS NOT NULL;