-- The finish log on PostgreSQL. On SQLite, finish_seq = max + 1 in the finishing UPDATE is commit-ordered
-- because there is one writer. Here two servers finishing at once would read the same max: the trigger
-- replaces the number with the next value of a sequence and records the transaction's id, which followers
-- read up to the oldest transaction still running (a sequence alone is not commit-ordered). The services'
-- SQL stays the same on both stores.
CREATE SEQUENCE attempts_finish_order;
--> statement-breakpoint
SELECT setval('attempts_finish_order', coalesce((SELECT max(finish_seq) FROM attempts), 0) + 1, false);
--> statement-breakpoint
CREATE FUNCTION attempts_finish_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.finish_seq IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.finish_seq IS DISTINCT FROM NEW.finish_seq) THEN
    NEW.finish_seq := nextval('attempts_finish_order');
    NEW.finish_tx := pg_current_xact_id()::text::bigint;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER attempts_finish_order BEFORE INSERT OR UPDATE OF finish_seq ON attempts FOR EACH ROW EXECUTE FUNCTION attempts_finish_order();
