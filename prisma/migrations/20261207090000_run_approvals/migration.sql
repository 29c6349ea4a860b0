-- Approval nodes inside graph runs (issue 15): the request a run's approval node visit opened.
-- The request's id is derived from (run, node, visit), and this row is written before the request,
-- so a visit retried after a crash finds its request instead of opening a second one; a request
-- linked here queues the run's resumption with the transition that ends it.
CREATE TABLE "run_approvals" (
    "request_id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "node_id" TEXT NOT NULL,
    "visit" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "run_approvals_pkey" PRIMARY KEY ("request_id"),
    CONSTRAINT "run_approvals_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "run_approvals_run_id_node_id_visit_key" ON "run_approvals"("run_id", "node_id", "visit");
