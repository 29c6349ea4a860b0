/** A job that does nothing: a probe that workers run jobs at all, and the jobs benchmark's load. */
import { z } from "zod";
import { defineJob } from "../job";

export const pingJob = defineJob({
  id: "system:ping",
  title: "Check that workers run jobs",
  schema: z.object({ at: z.string().max(40).optional() }).strict(),
  maxAttempts: 1,
  async run() {},
});
