ALTER TABLE "posts" DROP CONSTRAINT "posts_item_id_content_items_id_fk";
--> statement-breakpoint
ALTER TABLE "posts" DROP CONSTRAINT "posts_publication_id_publications_id_fk";
--> statement-breakpoint
CREATE INDEX "posts_item_idx" ON "posts" USING btree ("item_id") WHERE item_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "posts_publication_idx" ON "posts" USING btree ("publication_id") WHERE publication_id IS NOT NULL;--> statement-breakpoint
-- posts.item_id and posts.publication_id were foreign keys: every inserted row queued a check
-- (NULL for nearly every imported post) that the end of the statement then ran, ~2 µs a row on
-- PGlite. Like posts' other references (migration 0004) they are now checked once per statement,
-- the rows referred to locked FOR KEY SHARE as a foreign key would, and set to NULL when the item
-- or publication is deleted.
--
-- An import writes posts and post_metrics in statements of thousands of rows and has already
-- checked the account and post references itself: it locked its account FOR KEY SHARE and found
-- it in the workspace, and every post id it writes metrics for is a post of that account it
-- created or found in the same transaction. It says so with the transaction-local setting
-- yunce.references_checked, and those checks are skipped for its statements (the post_metrics one
-- joined each statement's rows with all posts: a tenth of a 100,000-row import on PGlite). The
-- item and publication references are always checked. Every other writer is checked as before.
CREATE OR REPLACE FUNCTION yunce_posts_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM content_items i WHERE i.id IN (SELECT n.item_id FROM new_rows n WHERE n.item_id IS NOT NULL) FOR KEY SHARE OF i;
  PERFORM 1 FROM publications p WHERE p.id IN (SELECT n.publication_id FROM new_rows n WHERE n.publication_id IS NOT NULL) FOR KEY SHARE OF p;
  IF EXISTS (
    SELECT 1 FROM new_rows n
    WHERE (n.item_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM content_items i WHERE i.id = n.item_id))
       OR (n.publication_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM publications p WHERE p.id = n.publication_id))
  ) THEN
    RAISE foreign_key_violation USING MESSAGE = 'posts: item_id or publication_id refers to nothing';
  END IF;
  IF current_setting('yunce.references_checked', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM accounts a WHERE a.id IN (SELECT DISTINCT n.account_id FROM new_rows n) FOR KEY SHARE OF a;
  IF EXISTS (
    SELECT 1 FROM (SELECT DISTINCT account_id, workspace_id FROM new_rows) n
    LEFT JOIN accounts a ON a.id = n.account_id AND a.workspace_id = n.workspace_id
    WHERE a.id IS NULL
  ) THEN
    RAISE foreign_key_violation USING MESSAGE = 'posts: account_id is not an account of workspace_id';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION yunce_post_metrics_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('yunce.references_checked', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM accounts a WHERE a.id IN (SELECT DISTINCT n.account_id FROM new_rows n) FOR KEY SHARE OF a;
  IF EXISTS (
    SELECT 1 FROM new_rows n
    LEFT JOIN posts p ON p.id = n.post_id AND p.account_id = n.account_id AND p.workspace_id = n.workspace_id
    WHERE p.id IS NULL
  ) THEN
    RAISE foreign_key_violation USING MESSAGE = 'post_metrics: post_id is not a post of account_id';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A post's item or publication changed by an update is checked too (a row trigger on those
-- columns only, so the totals updates of every import do not pay for it).
CREATE FUNCTION yunce_posts_links_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.item_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM content_items i WHERE i.id = NEW.item_id FOR KEY SHARE) THEN
    RAISE foreign_key_violation USING MESSAGE = 'posts: item_id refers to nothing';
  END IF;
  IF NEW.publication_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM publications p WHERE p.id = NEW.publication_id FOR KEY SHARE) THEN
    RAISE foreign_key_violation USING MESSAGE = 'posts: publication_id refers to nothing';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER posts_links_check BEFORE UPDATE OF item_id, publication_id ON posts
  FOR EACH ROW WHEN (NEW.item_id IS DISTINCT FROM OLD.item_id OR NEW.publication_id IS DISTINCT FROM OLD.publication_id)
  EXECUTE FUNCTION yunce_posts_links_check();
--> statement-breakpoint
CREATE FUNCTION yunce_items_unlink_posts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE posts p SET item_id = NULL FROM old_rows o WHERE p.item_id = o.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER content_items_unlink_posts AFTER DELETE ON content_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION yunce_items_unlink_posts();
--> statement-breakpoint
CREATE FUNCTION yunce_publications_unlink_posts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE posts p SET publication_id = NULL FROM old_rows o WHERE p.publication_id = o.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER publications_unlink_posts AFTER DELETE ON publications REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION yunce_publications_unlink_posts();
