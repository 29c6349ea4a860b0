"use client";
/** Marks a task done or not done; the server action comes in as a prop. */
import { useOptimistic, useTransition } from "react";
import type { ActionResult } from "@/lib/forms/result";

export function TaskToggle({
  taskId,
  title,
  done,
  action,
}: {
  taskId: string;
  title: string;
  done: boolean;
  action: (taskId: string, done: boolean) => Promise<ActionResult<unknown>>;
}) {
  const [pending, start] = useTransition();
  // Ticked at once; the page's data follows when the server has saved it.
  const [checked, setChecked] = useOptimistic(done);
  return (
    <input
      type="checkbox"
      aria-label={`${title}: done`}
      checked={checked}
      disabled={pending}
      onChange={(event) => {
        const next = event.target.checked;
        start(async () => {
          setChecked(next);
          await action(taskId, next);
        });
      }}
      className="mt-1"
    />
  );
}
