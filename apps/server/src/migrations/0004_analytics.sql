CREATE TABLE "account_metrics" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"date" date NOT NULL,
	"channel" text DEFAULT 'all' NOT NULL,
	"impressions" double precision,
	"reach" double precision,
	"views" double precision,
	"viewers" double precision,
	"clicks" double precision,
	"likes" double precision,
	"comments" double precision,
	"shares" double precision,
	"saves" double precision,
	"coins" double precision,
	"danmaku" double precision,
	"profile_visits" double precision,
	"deliveries" double precision,
	"followers_gained" double precision,
	"followers_lost" double precision,
	"followers_net" double precision,
	"followers_total" double precision,
	"completion_rate" double precision,
	"ctr" double precision,
	"avg_watch_seconds" double precision,
	"conversions" double precision,
	"orders" double precision,
	"revenue" double precision,
	"source" text NOT NULL,
	"import_id" uuid,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"account_id" uuid,
	"goal_id" uuid,
	"metric" text NOT NULL,
	"date" date NOT NULL,
	"direction" text,
	"value" double precision,
	"baseline" double precision,
	"message" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_alerts_key" UNIQUE NULLS NOT DISTINCT("workspace_id","kind","account_id","goal_id","metric","date")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"metric" text NOT NULL,
	"scope" text NOT NULL,
	"account_id" uuid,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"owner_id" uuid,
	"parent_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"last_status" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_presets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"platform" text,
	"mapping" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"storage_key" text,
	"preset_id" text,
	"preset_name" text,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failure" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "metric_rollups" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"date" date NOT NULL,
	"posts" integer DEFAULT 0 NOT NULL,
	"impressions" double precision,
	"reach" double precision,
	"views" double precision,
	"viewers" double precision,
	"clicks" double precision,
	"likes" double precision,
	"comments" double precision,
	"shares" double precision,
	"saves" double precision,
	"coins" double precision,
	"danmaku" double precision,
	"profile_visits" double precision,
	"deliveries" double precision,
	"followers_gained" double precision,
	"followers_lost" double precision,
	"followers_net" double precision,
	"followers_total" double precision,
	"completion_rate" double precision,
	"ctr" double precision,
	"avg_watch_seconds" double precision,
	"conversions" double precision,
	"orders" double precision,
	"revenue" double precision,
	"completion_rate_w" double precision,
	"completion_rate_wb" double precision,
	"ctr_w" double precision,
	"ctr_wb" double precision,
	"avg_watch_seconds_w" double precision,
	"avg_watch_seconds_wb" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_metrics" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"date" date NOT NULL,
	"impressions" double precision,
	"reach" double precision,
	"views" double precision,
	"viewers" double precision,
	"clicks" double precision,
	"likes" double precision,
	"comments" double precision,
	"shares" double precision,
	"saves" double precision,
	"coins" double precision,
	"danmaku" double precision,
	"profile_visits" double precision,
	"deliveries" double precision,
	"followers_gained" double precision,
	"followers_lost" double precision,
	"followers_net" double precision,
	"followers_total" double precision,
	"completion_rate" double precision,
	"ctr" double precision,
	"avg_watch_seconds" double precision,
	"conversions" double precision,
	"orders" double precision,
	"revenue" double precision,
	"source" text NOT NULL,
	"import_id" uuid,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"item_id" uuid,
	"publication_id" uuid,
	"external_id" text,
	"url" text,
	"title" text NOT NULL,
	"title_key" text,
	"published_at" timestamp with time zone,
	"published_on" date,
	"format" text,
	"pillar" text,
	"origin" text NOT NULL,
	"impressions" double precision,
	"reach" double precision,
	"views" double precision,
	"viewers" double precision,
	"clicks" double precision,
	"likes" double precision,
	"comments" double precision,
	"shares" double precision,
	"saves" double precision,
	"coins" double precision,
	"danmaku" double precision,
	"profile_visits" double precision,
	"deliveries" double precision,
	"followers_gained" double precision,
	"followers_lost" double precision,
	"followers_net" double precision,
	"followers_total" double precision,
	"completion_rate" double precision,
	"ctr" double precision,
	"avg_watch_seconds" double precision,
	"conversions" double precision,
	"orders" double precision,
	"revenue" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_metrics" ADD CONSTRAINT "account_metrics_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_metrics" ADD CONSTRAINT "account_metrics_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_alerts" ADD CONSTRAINT "analytics_alerts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_alerts" ADD CONSTRAINT "analytics_alerts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_alerts" ADD CONSTRAINT "analytics_alerts_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_presets" ADD CONSTRAINT "import_presets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_imports" ADD CONSTRAINT "metric_imports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_imports" ADD CONSTRAINT "metric_imports_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_rollups" ADD CONSTRAINT "metric_rollups_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_rollups" ADD CONSTRAINT "metric_rollups_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_metrics_key" ON "account_metrics" USING btree ("account_id","date","channel");--> statement-breakpoint
CREATE INDEX "analytics_alerts_workspace_idx" ON "analytics_alerts" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "goals_workspace_idx" ON "goals" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "metric_imports_workspace_idx" ON "metric_imports" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "metric_imports_file_idx" ON "metric_imports" USING btree ("account_id","file_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "metric_rollups_key" ON "metric_rollups" USING btree ("account_id","date");--> statement-breakpoint
CREATE INDEX "metric_rollups_workspace_date_idx" ON "metric_rollups" USING btree ("workspace_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "post_metrics_key" ON "post_metrics" USING btree ("post_id","date");--> statement-breakpoint
CREATE INDEX "post_metrics_account_date_idx" ON "post_metrics" USING btree ("account_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "posts_account_external_key" ON "posts" USING btree ("account_id","external_id") WHERE external_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "posts_account_url_key" ON "posts" USING btree ("account_id","url") WHERE url IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "posts_account_title_key" ON "posts" USING btree ("account_id","title_key") WHERE title_key IS NOT NULL;--> statement-breakpoint
CREATE INDEX "posts_workspace_published_idx" ON "posts" USING btree ("workspace_id","published_on");--> statement-breakpoint
-- posts and post_metrics take 10^5 rows per import statement; a foreign key would check each row
-- on its own. These triggers keep the same references with one set-based check per statement:
-- a post's account exists in the post's workspace, a metric's post exists in the metric's
-- account and workspace; the accounts are locked FOR KEY SHARE (as a foreign key would) so they
-- cannot be deleted under an import. Deletes cascade account → posts → post_metrics.
CREATE FUNCTION yunce_posts_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER posts_account_check AFTER INSERT ON posts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION yunce_posts_check();
--> statement-breakpoint
CREATE FUNCTION yunce_post_metrics_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER post_metrics_post_check AFTER INSERT ON post_metrics REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION yunce_post_metrics_check();
--> statement-breakpoint
-- The references never move: an update of them is refused (a row trigger on those columns only,
-- so the totals updates of every import do not pay for it).
CREATE FUNCTION yunce_refuse_reference_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE foreign_key_violation USING MESSAGE = TG_TABLE_NAME || ': references cannot be changed';
END $$;
--> statement-breakpoint
CREATE TRIGGER posts_references_fixed BEFORE UPDATE OF account_id, workspace_id ON posts
  FOR EACH ROW WHEN (OLD.account_id IS DISTINCT FROM NEW.account_id OR OLD.workspace_id IS DISTINCT FROM NEW.workspace_id)
  EXECUTE FUNCTION yunce_refuse_reference_change();
--> statement-breakpoint
CREATE TRIGGER post_metrics_references_fixed BEFORE UPDATE OF post_id, account_id, workspace_id ON post_metrics
  FOR EACH ROW WHEN (OLD.post_id IS DISTINCT FROM NEW.post_id OR OLD.account_id IS DISTINCT FROM NEW.account_id OR OLD.workspace_id IS DISTINCT FROM NEW.workspace_id)
  EXECUTE FUNCTION yunce_refuse_reference_change();
--> statement-breakpoint
CREATE FUNCTION yunce_accounts_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM post_metrics m USING old_rows o WHERE m.account_id = o.id;
  DELETE FROM posts p USING old_rows o WHERE p.account_id = o.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_cascade_posts AFTER DELETE ON accounts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION yunce_accounts_cascade();
--> statement-breakpoint
CREATE FUNCTION yunce_posts_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM post_metrics m USING old_rows o WHERE m.post_id = o.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER posts_cascade_metrics AFTER DELETE ON posts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION yunce_posts_cascade();
