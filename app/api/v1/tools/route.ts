/** GET /api/v1/tools: the tool registry, with each tool's input and output as JSON Schema. */
import { z } from "zod";
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { TOOLS } from "@/lib/graph/tools";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.listTools, async () => ({
  body: {
    items: TOOLS.map((tool) => ({
      name: tool.name,
      description: tool.description,
      kind: tool.kind,
      timeoutMs: tool.timeoutMs,
      input: z.toJSONSchema(tool.input, { io: "input", unrepresentable: "any" }),
      output: z.toJSONSchema(tool.output, { unrepresentable: "any" }),
    })),
  },
}));
