/**
 * The graph workflows published at start (lib/services/seed-workflows.ts), version 1 of each key
 * that has none yet.
 *
 * Code review: extract the functions of a pasted JavaScript / TypeScript source; then, in
 * parallel, rate their complexity and detect basic issues (the branches write different keys);
 * then suggest improvements, looping one function per pass until the projected quality score
 * reaches the threshold, no issue is left, or `max_passes`; finally the configured AI model (a
 * hosted one) adds its own suggestions — without one, the review is deterministic.
 */
import type { GraphDefinitionInput } from "./model";

export const CODE_REVIEW: GraphDefinitionInput = {
  key: "code-review",
  name: "Code review",
  description:
    "Reviews JavaScript or TypeScript source: functions, cyclomatic complexity, nesting, long functions, unused parameters, TODOs; suggestions worst first until the quality score reaches the threshold.",
  state: {
    code: { type: "string", required: true, description: "The source to review." },
    threshold: { type: "number", default: 80, description: "Quality score to reach (0–100)." },
    max_passes: { type: "number", default: 10, description: "Suggestion passes at most." },
    functions: { type: "list", default: [] },
    todos: { type: "list", default: [] },
    syntax_errors: { type: "list", default: [] },
    line_count: { type: "number", default: 0 },
    complexity: { type: "list", default: [] },
    average_complexity: { type: "number", default: 0 },
    max_complexity: { type: "number", default: 0 },
    issues: { type: "list", default: [] },
    code_score: { type: "number", default: 100, description: "The code's score as it is." },
    suggestions: { type: "list", default: [] },
    quality_score: {
      type: "number",
      default: 0,
      description: "The score with the suggestions so far applied.",
    },
    remaining_issues: { type: "number", default: 0 },
    iteration: { type: "number", default: 0 },
    ai_suggestions: { type: "list", default: [], description: "The AI model's own suggestions." },
    ai_model: { type: "string", default: "" },
    ai_note: { type: "string", default: "" },
  },
  start: "extract",
  nodes: [
    {
      id: "extract",
      kind: "tool",
      label: "Extract functions",
      tool: "extract_functions",
      inputs: { code: { state: "code" } },
      outputs: {
        functions: "functions",
        todos: "todos",
        syntax_errors: "syntax_errors",
        line_count: "line_count",
      },
    },
    { id: "analyse", kind: "fork", label: "Analyse in parallel", join: "analysed" },
    {
      id: "complexity",
      kind: "tool",
      label: "Check complexity",
      tool: "check_complexity",
      inputs: { functions: { state: "functions" } },
      outputs: {
        complexity: "complexity",
        average_complexity: "average_complexity",
        max_complexity: "max_complexity",
      },
    },
    {
      id: "issues",
      kind: "tool",
      label: "Detect issues",
      tool: "detect_issues",
      inputs: {
        functions: { state: "functions" },
        todos: { state: "todos" },
        syntax_errors: { state: "syntax_errors" },
      },
      outputs: { issues: "issues", code_score: "code_score" },
    },
    { id: "analysed", kind: "join", label: "Both analyses done", wait: "all" },
    {
      id: "suggest",
      kind: "tool",
      label: "Suggest improvements",
      tool: "suggest_improvements",
      maxVisits: 50,
      inputs: {
        issues: { state: "issues" },
        suggestions: { state: "suggestions" },
        iteration: { state: "iteration" },
      },
      outputs: {
        suggestions: "suggestions",
        quality_score: "quality_score",
        remaining_issues: "remaining_issues",
        iteration: "iteration",
      },
    },
    {
      id: "ai",
      kind: "tool",
      label: "Ask the AI model",
      tool: "ai_review",
      inputs: { code: { state: "code" }, issues: { state: "issues" } },
      outputs: { ai_suggestions: "ai_suggestions", ai_model: "ai_model", ai_note: "ai_note" },
    },
    { id: "done", kind: "end", label: "Review ready" },
  ],
  edges: [
    { from: "extract", to: "analyse" },
    { from: "analyse", to: "complexity" },
    { from: "analyse", to: "issues" },
    { from: "complexity", to: "analysed" },
    { from: "issues", to: "analysed" },
    { from: "analysed", to: "suggest" },
    {
      from: "suggest",
      to: "suggest",
      when: "quality_score < threshold && remaining_issues > 0 && iteration < max_passes",
    },
    { from: "suggest", to: "ai" },
    { from: "ai", to: "done" },
  ],
};

/**
 * Recommended action: the enterprise flow as a graph. The assistant reads the request's text
 * (type, fields, the action it asks for); an approval node opens it as a request in the run
 * starter's name, which goes through its type's approval chain like any other; once approved, the
 * request's action runs exactly once (the request engine's own outbox); the run ends with the
 * outcome.
 */
export const RECOMMENDED_ACTION: GraphDefinitionInput = {
  key: "recommended-action",
  name: "Recommended action",
  description:
    "The assistant reads a request, people approve it through its type's chain, and the approved action runs once.",
  state: {
    text: { type: "string", required: true, description: "The request in plain words." },
    request_type: { type: "string", default: "GENERAL" },
    title: { type: "string", default: "" },
    summary: { type: "string", default: "" },
    confidence: { type: "number", default: 0 },
    amount: { type: "number" },
    currency: { type: "string" },
    days: { type: "number" },
    severity: { type: "number" },
    action: { type: "object", default: {}, description: "The action the assistant recommends." },
    outcome: { type: "string", default: "" },
    request_id: { type: "string", default: "" },
    reference: { type: "string", default: "" },
  },
  start: "analyse",
  nodes: [
    {
      id: "analyse",
      kind: "tool",
      label: "AI analyses the request",
      tool: "analyse_request",
      inputs: { text: { state: "text" } },
      outputs: {
        type: "request_type",
        title: "title",
        summary: "summary",
        confidence: "confidence",
        amount: "amount",
        currency: "currency",
        days: "days",
        severity: "severity",
        action: "action",
      },
    },
    {
      id: "approve",
      kind: "approval",
      label: "People approve",
      inputs: {
        type: { state: "request_type" },
        text: { state: "text" },
        title: { state: "title" },
        amount: { state: "amount" },
        currency: { state: "currency" },
        days: { state: "days" },
        severity: { state: "severity" },
        action: { state: "action" },
      },
      outputs: { outcome: "outcome", request_id: "request_id", reference: "reference" },
    },
    { id: "approved", kind: "end", label: "Approved: the action runs once" },
    { id: "declined", kind: "end", label: "Not approved" },
  ],
  edges: [
    { from: "analyse", to: "approve" },
    { from: "approve", to: "approved", when: 'outcome == "approved"' },
    { from: "approve", to: "declined" },
  ],
};

export const DEMO_GRAPHS: readonly GraphDefinitionInput[] = [CODE_REVIEW, RECOMMENDED_ACTION];
