import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "@/lib/db/request-view";
import { lifecycleStages } from "./lifecycle";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute));
let seq = 0;
const entry = (
  action: string,
  minute: number,
  toStatus: TimelineEntry["toStatus"] = null,
): TimelineEntry => ({
  seq: ++seq,
  action,
  actorType: "SYSTEM",
  actorId: null,
  actorName: null,
  onBehalfOfName: null,
  fromStatus: null,
  toStatus,
  data: {},
  createdAt: at(minute),
});

describe("a request's lifecycle", () => {
  it("runs from received to the action executed, with times", () => {
    const timeline = [
      entry("CREATED", 0, "DRAFT"),
      entry("ENRICHED", 0),
      entry("SUBMITTED", 1, "SUBMITTED"),
      entry("APPROVED", 5),
      entry("ACTION_QUEUED", 5),
      entry("COMPLETED", 5, "APPROVED"),
      entry("ACTION_EXECUTED", 6),
    ];
    expect(lifecycleStages(timeline, true)).toEqual([
      { label: "Received", at: at(0), state: "done" },
      { label: "AI analysed", at: at(0), state: "done" },
      { label: "Waiting for approval", at: at(1), state: "done" },
      { label: "Approved", at: at(5), state: "done" },
      { label: "Action executed", at: at(6), state: "done" },
    ]);
  });

  it("shows where a request waits, and a rejection ends it without its action", () => {
    const waiting = [entry("CREATED", 0, "DRAFT"), entry("SUBMITTED", 1, "SUBMITTED")];
    expect(lifecycleStages(waiting, true).map((s) => s.state)).toEqual([
      "done",
      "upcoming",
      "current",
      "upcoming",
      "upcoming",
    ]);
    const rejected = [...waiting, entry("COMPLETED", 3, "REJECTED")];
    expect(lifecycleStages(rejected, true).map((s) => [s.label, s.state])).toEqual([
      ["Received", "done"],
      ["AI analysed", "upcoming"],
      ["Waiting for approval", "done"],
      ["Rejected", "failed"],
    ]);
  });

  it("marks an action that failed for good", () => {
    const failed = [
      entry("CREATED", 0, "DRAFT"),
      entry("SUBMITTED", 1, "SUBMITTED"),
      entry("COMPLETED", 2, "APPROVED"),
      entry("ACTION_FAILED", 3),
    ];
    expect(lifecycleStages(failed, true).at(-1)).toEqual({
      label: "Action failed",
      at: at(3),
      state: "failed",
    });
  });
});
