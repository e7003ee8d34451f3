-- An import writes posts and post_metrics in statements of thousands of rows, and it has already
-- checked what these triggers check: it locked its account FOR KEY SHARE and found it in the
-- workspace, and every post id it writes metrics for is a post of that account it created or
-- found in the same transaction. It says so with the transaction-local setting
-- yunce.references_checked, and the checks are skipped for its statements. On PGlite the
-- post_metrics check (a join of each statement's rows with all posts) was a tenth of a
-- 100,000-row import. Every other writer is checked as before.
CREATE OR REPLACE FUNCTION yunce_posts_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
