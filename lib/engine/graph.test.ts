import { describe, expect, it } from "vitest";
import { DEFAULT_WORKFLOWS } from "./default-workflows";
import { REQUEST_TYPES } from "./fields";
import { validateWorkflow } from "./graph";
import type { WorkflowDefinitionInput } from "./model";

const base = (): WorkflowDefinitionInput => ({
  type: "GENERAL",
  name: "Test",
  start: "a",
  nodes: [
    { id: "a", kind: "approval", role: "MANAGER", slaHours: 8, escalateTo: "DIRECTOR" },
    { id: "ok", kind: "end", outcome: "APPROVED" },
    { id: "no", kind: "end", outcome: "REJECTED" },
  ],
  edges: [
    { from: "a", to: "ok", when: 'outcome == "approved"' },
    { from: "a", to: "no" },
  ],
});

const problemsOf = (definition: unknown) => {
  const result = validateWorkflow(definition);
  if (result.ok) throw new Error("expected problems");
  return result.problems;
};

describe("validateWorkflow", () => {
  it.each(REQUEST_TYPES)("accepts the default %s workflow", (type) => {
    expect(validateWorkflow(DEFAULT_WORKFLOWS[type])).toMatchObject({ ok: true });
  });

  it("accepts a minimal valid graph", () => {
    expect(validateWorkflow(base()).ok).toBe(true);
  });

  it("names an edge to nowhere by its node", () => {
    const definition = base();
    definition.edges.push({ from: "a", to: "ghost", when: "amount > 5" });
    expect(problemsOf(definition)).toContainEqual(
      expect.objectContaining({
        nodeId: "a",
        edge: 2,
        message: 'edge from "a" leads to unknown node "ghost"',
      }),
    );
  });

  it("reports an unknown start node and edges from unknown nodes", () => {
    const definition = { ...base(), start: "nowhere" };
    definition.edges = [...definition.edges, { from: "phantom", to: "ok" }];
    const messages = problemsOf(definition).map((p) => p.message);
    expect(messages).toContain('the start node "nowhere" does not exist');
    expect(messages).toContain('edge 2 starts at unknown node "phantom"');
  });

  it("names the node of a bad expression: syntax, unknown variable, wrong type", () => {
    for (const when of ["amount >", "budget > 5", 'amount > "lots"', "amount + 1"]) {
      const definition = base();
      definition.edges[0] = { from: "a", to: "ok", when };
      const problems = problemsOf(definition);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ nodeId: "a", edge: 0, path: "edges.0.when" });
      expect(problems[0]?.message).toContain(`bad condition "${when}"`);
    }
  });

  it("refuses `outcome` on edges that do not leave an approval", () => {
    const definition = base();
    definition.nodes.unshift({ id: "b", kind: "branch" });
    definition.start = "b";
    definition.edges.push(
      { from: "b", to: "a", when: 'outcome == "approved"' },
      { from: "b", to: "a" },
    );
    expect(problemsOf(definition)).toContainEqual(
      expect.objectContaining({
        nodeId: "b",
        message: expect.stringContaining('"outcome" is only known'),
      }),
    );
  });

  it("finds unreachable nodes, dead ends and nodes from which no end is reachable", () => {
    const definition = base();
    definition.nodes.push(
      { id: "island", kind: "end", outcome: "APPROVED" },
      { id: "loop", kind: "branch" },
      { id: "spin", kind: "branch" },
    );
    definition.edges = [
      { from: "a", to: "loop", when: 'outcome == "approved"' },
      { from: "a", to: "no" },
      { from: "loop", to: "spin" },
      { from: "spin", to: "loop" },
    ];
    const messages = problemsOf(definition).map((p) => p.message);
    expect(messages).toContain('node "island" cannot be reached from the start');
    expect(messages).toContain('node "ok" cannot be reached from the start');
    expect(messages).toContain('no end can be reached from node "loop"');
    expect(messages).toContain('no end can be reached from node "spin"');
  });

  it("requires a default edge and at most one", () => {
    const definition = base();
    definition.edges = [
      { from: "a", to: "ok", when: 'outcome == "approved"' },
      { from: "a", to: "no", when: 'outcome == "rejected"' },
    ];
    expect(problemsOf(definition).map((p) => p.message)).toContain(
      'approval node "a" needs a default edge (one without "when")',
    );
    definition.edges = [
      { from: "a", to: "ok" },
      { from: "a", to: "no" },
    ];
    expect(problemsOf(definition).map((p) => p.message)).toContain(
      'node "a" has more than one default edge',
    );
  });

  it("reports schema problems with the node id and every problem at once", () => {
    const definition = base();
    definition.nodes[0] = {
      id: "a",
      kind: "approval",
      role: "CEO" as never,
      slaHours: -1,
      escalateTo: "DIRECTOR",
    };
    definition.nodes.push({ id: "Bad Id", kind: "end", outcome: "APPROVED" });
    const problems = problemsOf(definition);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ nodeId: "a", path: "nodes.0.role" }),
        expect.objectContaining({ nodeId: "a", path: "nodes.0.slaHours" }),
        expect.objectContaining({ nodeId: "Bad Id", path: "nodes.3.id" }),
      ]),
    );
  });

  it("refuses duplicate nodes, ends with edges, self-escalation and department scope on non-managers", () => {
    const definition = base();
    definition.nodes.push({ id: "ok", kind: "end", outcome: "APPROVED" });
    definition.nodes.push({
      id: "f",
      kind: "approval",
      role: "FINANCE",
      scope: "department",
      slaHours: 1,
      escalateTo: "FINANCE",
    });
    definition.edges.push(
      { from: "ok", to: "no" },
      { from: "a", to: "f", when: "amount > 1" },
      { from: "f", to: "ok" },
    );
    const messages = problemsOf(definition).map((p) => p.message);
    expect(messages).toContain('node "ok" is defined twice');
    expect(messages).toContain('end node "ok" has outgoing edges');
    expect(messages).toContain('approval "f" escalates to its own role FINANCE');
    expect(messages).toContain('approval "f": only MANAGER steps can be scoped to the department');
  });

  it("refuses steps decided by, or escalated to, a role that decides nothing", () => {
    const definition = base();
    definition.nodes.push({
      id: "x",
      kind: "approval",
      role: "AUDITOR",
      slaHours: 1,
      escalateTo: "ADMIN",
    });
    definition.edges.push({ from: "a", to: "x", when: "amount > 1" }, { from: "x", to: "no" });
    const problems = problemsOf(definition);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["nodes.3.role", "nodes.3.escalateTo"]),
    );
    expect(problems.map((p) => p.message).join("\n")).toContain(
      'approval "x": AUDITOR does not decide steps',
    );
  });
});
