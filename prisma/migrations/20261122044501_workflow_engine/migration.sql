-- CreateEnum
CREATE TYPE "RequestType" AS ENUM ('PROCUREMENT', 'LEAVE', 'SUPPORT', 'GENERAL');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'ESCALATED', 'CHANGES_REQUESTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('USER', 'SYSTEM', 'AI');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('APPROVE', 'REJECT', 'REQUEST_CHANGES', 'ESCALATE');

-- CreateTable
CREATE TABLE "workflow_definitions" (
    "id" UUID NOT NULL,
    "type" "RequestType" NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_definitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "requests" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "type" "RequestType" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "fields" JSONB NOT NULL DEFAULT '{}',
    "action" JSONB,
    "status" "RequestStatus" NOT NULL DEFAULT 'DRAFT',
    "workflow_id" UUID,
    "current_node_id" TEXT,
    "round" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0,
    "audit_seq" INTEGER NOT NULL DEFAULT 0,
    "audit_hash" TEXT,
    "visits" JSONB NOT NULL DEFAULT '{}',
    "requester_id" UUID NOT NULL,
    "department_id" UUID,
    "step_node_id" TEXT,
    "step_role" "Role",
    "step_department_id" UUID,
    "step_quorum" JSONB,
    "step_approvals" UUID[] DEFAULT ARRAY[]::UUID[],
    "step_started_at" TIMESTAMPTZ(3),
    "step_due_at" TIMESTAMPTZ(3),
    "step_escalated_at" TIMESTAMPTZ(3),
    "step_escalate_to" "Role",
    "step_visit_id" UUID,
    "submitted_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "node_visits" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "node_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "outcome" TEXT,
    "error" TEXT,

    CONSTRAINT "node_visits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decisions" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "node_id" TEXT NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "actor_id" UUID NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "stream" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "request_id" UUID,
    "actor_type" "ActorType" NOT NULL,
    "actor_id" UUID,
    "on_behalf_of_id" UUID,
    "action" TEXT NOT NULL,
    "from_status" "RequestStatus",
    "to_status" "RequestStatus",
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "prev_hash" TEXT,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "workflow_definitions_type_version_key" ON "workflow_definitions"("type", "version");

-- CreateIndex
CREATE UNIQUE INDEX "requests_number_key" ON "requests"("number");

-- CreateIndex
CREATE INDEX "requests_requester_id_created_at_idx" ON "requests"("requester_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "node_visits_request_id_started_at_idx" ON "node_visits"("request_id", "started_at");

-- CreateIndex
CREATE INDEX "decisions_request_id_created_at_idx" ON "decisions"("request_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_stream_seq_key" ON "audit_events"("stream", "seq");

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflow_definitions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ── Written by hand: what Prisma's schema language cannot express ────────────────────────────────

-- The approver inbox: waiting steps of one queue, soonest due first, as one ordered index range
-- read per queue (lib/db/inbox.ts). A queue is a role plus, for department-scoped steps (MANAGER),
-- the department. Two partial indexes, and every waiting row is in exactly one: PostgreSQL does not
-- treat "step_department_id IS NULL" as an equality when it orders by an index, so a single index
-- led by (step_role, step_department_id) made company-wide queues sort every waiting row.
CREATE INDEX "requests_inbox_dept_idx" ON "requests" ("step_department_id", "step_role", "step_due_at", "id")
  WHERE "status" IN ('IN_REVIEW', 'ESCALATED') AND "step_department_id" IS NOT NULL;
CREATE INDEX "requests_inbox_global_idx" ON "requests" ("step_role", "step_due_at", "id")
  WHERE "status" IN ('IN_REVIEW', 'ESCALATED') AND "step_department_id" IS NULL;

-- The SLA sweep: steps still waiting on their first role, by due time (lib/db/sla.ts).
CREATE INDEX "requests_sla_idx" ON "requests" ("step_due_at") WHERE "status" = 'IN_REVIEW';

-- The audit trail is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE,
-- whatever the application (or someone with its credentials) tries.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "audit_events_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();

-- Requests are never deleted: their audit trail, run log and decisions (which carry no foreign
-- key, for speed) must always have their request. Withdrawn requests are CANCELLED, not removed.
CREATE FUNCTION "requests_never_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'requests are never deleted (% refused); cancel the request instead', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "requests_no_delete"
  BEFORE DELETE ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "requests_never_deleted"();

CREATE TRIGGER "requests_no_truncate"
  BEFORE TRUNCATE ON "requests"
  FOR EACH STATEMENT EXECUTE FUNCTION "requests_never_deleted"();
