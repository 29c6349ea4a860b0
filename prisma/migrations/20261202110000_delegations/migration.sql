-- Delegation / out of office (issue 13): while away, an approver's steps appear in their
-- delegate's inbox, and the delegate's decisions are recorded "by X on behalf of Y".
CREATE TABLE "delegations" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "delegate_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "delegations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "delegations_not_self_check" CHECK ("user_id" <> "delegate_id"),
    CONSTRAINT "delegations_range_check" CHECK ("ends_at" > "starts_at"),
    CONSTRAINT "delegations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "delegations_delegate_id_fkey" FOREIGN KEY ("delegate_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "delegations_delegate_id_ends_at_idx" ON "delegations"("delegate_id", "ends_at");
CREATE INDEX "delegations_user_id_ends_at_idx" ON "delegations"("user_id", "ends_at");
