import { describe, expect, it } from "vitest";
import { CODE_REVIEW } from "./demos";
import { layers } from "./layout";
import { GraphDefinitionSchema } from "./model";

describe("layers", () => {
  it("puts parallel branches side by side and a loop on its own layer once", () => {
    expect(layers(GraphDefinitionSchema.parse(CODE_REVIEW))).toEqual([
      ["extract"],
      ["analyse"],
      ["complexity", "issues"],
      ["analysed"],
      ["suggest"],
      ["ai"],
      ["done"],
    ]);
  });
});
