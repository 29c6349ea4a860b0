-- Graph workflows that compute (issue 15): versioned definitions, runs with their state, each
-- node visit (the unit of exactly-once execution), and an append-only log per run.

CREATE TABLE "graph_workflows" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "graph_workflows_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "graph_workflows_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "graph_workflows_version_check" CHECK ("version" >= 1)
);
CREATE UNIQUE INDEX "graph_workflows_key_version_key" ON "graph_workflows"("key", "version");

CREATE TABLE "runs" (
    "id" UUID NOT NULL,
    "workflow_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "state" JSONB NOT NULL,
    -- Visits per node so far (loop limits), and each join's arrivals: {"join": {"arrived": 1, "fired": false}}.
    "visits" JSONB NOT NULL DEFAULT '{}',
    "joins" JSONB NOT NULL DEFAULT '{}',
    -- Node visits scheduled or running now ("node#visit").
    "active" TEXT[] NOT NULL DEFAULT '{}',
    "error" TEXT,
    -- The last log line's sequence number (int8: a run's log never overflows).
    "log_seq" BIGINT NOT NULL DEFAULT 0,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "runs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "runs_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "graph_workflows"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "runs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "runs_status_check" CHECK ("status" IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'))
);
CREATE INDEX "runs_created_by_id_created_at_idx" ON "runs"("created_by_id", "created_at" DESC);
CREATE INDEX "runs_created_at_idx" ON "runs"("created_at" DESC);

CREATE TABLE "run_node_visits" (
    "run_id" UUID NOT NULL,
    "node_id" TEXT NOT NULL,
    "visit" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" BIGINT,
    "written_keys" TEXT[] NOT NULL DEFAULT '{}',
    "error" TEXT,

    CONSTRAINT "run_node_visits_pkey" PRIMARY KEY ("run_id", "node_id", "visit"),
    CONSTRAINT "run_node_visits_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "run_node_visits_status_check" CHECK ("status" IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED'))
);

CREATE TABLE "run_log" (
    "run_id" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "node_id" TEXT,
    "visit" INTEGER,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "run_log_pkey" PRIMARY KEY ("run_id", "seq"),
    CONSTRAINT "run_log_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
