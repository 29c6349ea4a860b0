import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { TOOL_NAMES } from "@/lib/engine/tools";
import { TOOLS } from "@/lib/tools/registry";
import { actionFromForm, inputValue, NO_ACTION, TOOL_FORMS } from "./action";

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
}

describe("the action editor's inputs", () => {
  it("are exactly each tool's parameters, with the tool's label", () => {
    for (const name of TOOL_NAMES) {
      const schema = TOOLS[name].schema as unknown as z.ZodObject;
      expect(TOOL_FORMS[name].inputs.map((i) => i.name).sort()).toEqual(
        Object.keys(schema.shape).sort(),
      );
      expect(TOOL_FORMS[name].label).toBe(TOOLS[name].label);
      for (const input of TOOL_FORMS[name].inputs) {
        // An input marked optional may be left out; a required one may not.
        const shape = schema.shape[input.name] as z.ZodType;
        expect(shape.safeParse(undefined).success, `${name}.${input.name}`).toBe(
          input.optional === true,
        );
      }
    }
  });
});

describe("actionFromForm", () => {
  it("reads nothing when the form has no action editor, null for no action", () => {
    expect(actionFromForm(form({ title: "x" }))).toBeUndefined();
    expect(actionFromForm(form({ "action.tool": NO_ACTION }))).toBeNull();
  });

  it("reads the chosen tool's parameters, trimmed, leaving out empty optional ones", () => {
    expect(
      actionFromForm(
        form({
          "action.tool": "create_task",
          "action.params.title": "  Order badges ",
          "action.params.assignee": "",
          "action.params.notes": "Two",
          "action.params.to": "ignored@example.com",
        }),
      ),
    ).toEqual({ tool: "create_task", params: { title: "Order badges", notes: "Two" } });
  });

  it("parses JSON parameters, keeping text that is not JSON for the schema to refuse", () => {
    const read = (payload: string) =>
      actionFromForm(
        form({
          "action.tool": "webhook",
          "action.params.url": "https://example.com",
          "action.params.payload": payload,
        }),
      );
    expect(read('{"order": 42}')?.params.payload).toEqual({ order: 42 });
    expect(read("{order: 42}")?.params.payload).toBe("{order: 42}");
    expect(read("")?.params).toEqual({ url: "https://example.com" });
  });

  it("keeps a required input that is empty, for the schema to name it", () => {
    expect(
      actionFromForm(form({ "action.tool": "send_email", "action.params.to": "" }))?.params,
    ).toEqual({ to: "", subject: "", body: "" });
  });

  it("passes an unknown tool on as it is", () => {
    expect(actionFromForm(form({ "action.tool": "rm_rf" }))).toEqual({ tool: "rm_rf", params: {} });
  });

  it("shows JSON values pretty-printed and absent ones empty", () => {
    const payload = TOOL_FORMS.webhook.inputs.find((i) => i.name === "payload");
    if (!payload) throw new Error("no payload input");
    expect(inputValue(payload, { a: 1 })).toBe('{\n  "a": 1\n}');
    expect(inputValue(payload, undefined)).toBe("");
  });
});
