import { describe, expect, it } from "vitest";
import { CODE_REVIEW, RECOMMENDED_ACTION } from "./demos";
import type { GraphDefinitionInput } from "./model";
import { initialState, validateGraph } from "./validate";

const base = (): GraphDefinitionInput => structuredClone(CODE_REVIEW);

const problemsOf = (definition: unknown) => {
  const verdict = validateGraph(definition);
  return verdict.ok ? [] : verdict.problems;
};

describe("validateGraph", () => {
  it("accepts the code-review demo", () => {
    expect(problemsOf(base())).toEqual([]);
  });

  it("refuses parallel branches that write the same key", () => {
    const definition = base();
    const complexity = definition.nodes.find((n) => n.id === "complexity");
    if (complexity?.kind !== "tool") throw new Error("complexity");
    complexity.outputs = { ...complexity.outputs, max_complexity: "code_score" };
    expect(problemsOf(definition)).toContainEqual({
      path: "nodes[1]",
      message:
        'The branches starting at "complexity" and "issues" both write "code_score": parallel branches must write different keys.',
    });
  });

  it("type-checks conditions against the declared state", () => {
    const definition = base();
    definition.edges[6] = { from: "suggest", to: "suggest", when: 'quality_score < "high"' };
    const [problem] = problemsOf(definition);
    expect(problem?.path).toBe("edges[6].when");
    definition.edges[6] = { from: "suggest", to: "suggest", when: "no_such_key > 1" };
    expect(problemsOf(definition)[0]).toMatchObject({ path: "edges[6].when" });
    definition.edges[6] = { from: "suggest", to: "suggest", when: "quality_score + 1.0" };
    expect(problemsOf(definition)[0]).toEqual({
      path: "edges[6].when",
      message: "The condition must be true or false, not double.",
    });
  });

  it("checks tool bindings: the tool, required inputs, key types, outputs", () => {
    const definition = base();
    const extract = definition.nodes[0];
    if (extract?.kind !== "tool") throw new Error("extract");
    extract.inputs = { code: { state: "threshold" } };
    extract.outputs = { functions: "code_score", nothing: "todos" };
    expect(problemsOf(definition)).toEqual([
      {
        path: "nodes[0].inputs.code",
        message: `extract_functions's input "code" is a string; state "threshold" is a number.`,
      },
      {
        path: "nodes[0].outputs.functions",
        message: `extract_functions's output "functions" is a list; state "code_score" is a number.`,
      },
      { path: "nodes[0].outputs.nothing", message: 'extract_functions gives no output "nothing".' },
    ]);
    extract.inputs = {};
    extract.outputs = {};
    extract.tool = "rm_rf";
    expect(problemsOf(definition)).toContainEqual({
      path: "nodes[0].tool",
      message: 'There is no tool "rm_rf".',
    });
    extract.tool = "extract_functions";
    expect(problemsOf(definition)).toContainEqual({
      path: "nodes[0].inputs",
      message: 'extract_functions needs its input "code".',
    });
  });

  it("needs a default edge, reachability, a way to an end, and a join for each fork", () => {
    const noDefault = base();
    noDefault.edges = noDefault.edges.filter((e) => !(e.from === "suggest" && !e.when));
    expect(problemsOf(noDefault)).toContainEqual({
      path: "nodes[5]",
      message: '"suggest" needs a default edge (without a condition) for when none holds.',
    });
    const orphan = base();
    orphan.nodes.push({ id: "orphan", kind: "end" });
    expect(problemsOf(orphan)).toContainEqual({
      path: "nodes[8]",
      message: '"orphan" cannot be reached from the start.',
    });
    const badFork = base();
    const fork = badFork.nodes[1];
    if (fork?.kind !== "fork") throw new Error("fork");
    fork.join = "extract";
    expect(problemsOf(badFork)).toContainEqual({
      path: "nodes[1].join",
      message: 'There is no join node "extract".',
    });
  });

  it("lists shape problems with their path", () => {
    expect(problemsOf({ ...base(), key: "Not A Key", nodes: [] })).toEqual([
      { path: "key", message: "Lower-case letters, digits and -, starting with a letter." },
      { path: "nodes", message: "Too small: expected array to have >=1 items" },
    ]);
  });
});

describe("initialState", () => {
  it("fills defaults and keeps the input's keys", () => {
    const verdict = validateGraph(base());
    if (!verdict.ok) throw new Error("invalid");
    const start = initialState(verdict.definition, { code: "x", threshold: 90 });
    expect(start.ok && start.state).toMatchObject({
      code: "x",
      threshold: 90,
      max_passes: 10,
      issues: [],
    });
  });
});

describe("approval nodes", () => {
  const demo = () => structuredClone(RECOMMENDED_ACTION);

  it("accepts the recommended-action demo", () => {
    expect(problemsOf(demo())).toEqual([]);
  });

  it("checks what the request is made of and where the outcome goes", () => {
    const definition = demo();
    const approve = definition.nodes[1];
    if (approve?.kind !== "approval") throw new Error("approve");
    approve.inputs = { text: { state: "confidence" }, amount: { value: "600" } };
    approve.outputs = { outcome: "confidence" };
    expect(problemsOf(definition)).toEqual([
      { path: "nodes[1].inputs", message: 'An approval needs its input "type".' },
      {
        path: "nodes[1].inputs.text",
        message: `The approval's "text" is a string; state "confidence" is a number.`,
      },
      { path: "nodes[1].inputs.amount", message: `The approval's "amount" is a number.` },
      {
        path: "nodes[1].outputs.outcome",
        message: `The approval's "outcome" is a string; state "confidence" is a number.`,
      },
    ]);
    approve.inputs = { text: { state: "text" }, type: { value: "HOLIDAY" } };
    approve.outputs = {};
    expect(problemsOf(definition)).toContainEqual({
      path: "nodes[1].inputs.type",
      message: 'There is no request type "HOLIDAY".',
    });
  });
});
