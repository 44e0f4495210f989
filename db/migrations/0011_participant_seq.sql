ALTER TABLE `participants` ADD `seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The rowid is the registration order and never reused (participants are never deleted): it becomes seq,
-- now and for every person inserted later, so the boards' key is a column both stores have.
UPDATE `participants` SET `seq` = rowid;--> statement-breakpoint
CREATE UNIQUE INDEX `participants_seq` ON `participants` (`seq`);--> statement-breakpoint
CREATE TRIGGER `participants_seq` AFTER INSERT ON `participants` FOR EACH ROW WHEN NEW.`seq` = 0
BEGIN
  UPDATE `participants` SET `seq` = NEW.rowid WHERE rowid = NEW.rowid;
END;
