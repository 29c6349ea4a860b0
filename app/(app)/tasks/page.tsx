import type { Metadata } from "next";
import Link from "next/link";
import { ExactTime } from "@/components/exact-time";
import { PageHeader } from "@/components/page-header";
import { TaskToggle } from "@/components/task-toggle";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { requestLabel } from "@/lib/format";
import { tasksOf } from "@/lib/services/tasks";
import { setTaskDoneAction } from "./actions";

export const metadata: Metadata = { title: "Tasks" };

export default async function TasksPage() {
  const user = await requirePermission("request:read-own");
  const tasks = await tasksOf(db(), user);
  return (
    <>
      <PageHeader
        title="Tasks"
        description="Tasks approved requests created for you (their create-task action)."
      />
      {tasks.length === 0 ? (
        <p className="text-sm text-slate-600">No tasks for you.</p>
      ) : (
        <ul className="space-y-2" aria-label="Your tasks">
          {tasks.map((task) => (
            <li
              key={task.id}
              className="flex gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm"
              data-testid="task"
            >
              <TaskToggle
                taskId={task.id}
                title={task.title}
                done={task.doneAt !== null}
                action={setTaskDoneAction}
              />
              <div className="text-sm">
                <p className={`font-medium ${task.doneAt ? "text-slate-500 line-through" : ""}`}>
                  {task.title}
                </p>
                {task.notes ? <p className="text-slate-700">{task.notes}</p> : null}
                <p className="text-xs text-slate-500">
                  From{" "}
                  <Link href={`/requests/${task.requestId}`} className="underline">
                    {requestLabel(task.requestNumber)} {task.requestTitle}
                  </Link>{" "}
                  · <ExactTime at={task.createdAt} />
                  {task.doneAt ? (
                    <>
                      {" "}
                      · done <ExactTime at={task.doneAt} />
                    </>
                  ) : null}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
