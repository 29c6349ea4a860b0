/**
 * The code-review tools (issue 15's demo workflow, lib/graph/demos.ts): extract the functions of
 * a JavaScript / TypeScript source, rate their complexity, find basic issues, and suggest
 * improvements — deterministic, from the TypeScript parser (code-analysis.ts).
 *
 * The loop: `suggest_improvements` works through the issues worst function first, one function
 * per pass, and reports `quality_score` — the score the code would have with the suggestions so
 * far applied. The workflow loops on it until the score reaches the threshold, the issues run
 * out, or the node's visit limit; `code_score` is the code's score as it is.
 */
import { z } from "zod";
import { analyseSource, MAX_SOURCE_CHARS } from "./code-analysis";
import { defineTool } from "./registry";

const FunctionSchema = z.object({
  name: z.string(),
  startLine: z.int(),
  endLine: z.int(),
  lines: z.int(),
  params: z.array(z.string()),
  unusedParams: z.array(z.string()),
  complexity: z.int(),
  maxNesting: z.int(),
});

const IssueSchema = z.object({
  id: z.string(),
  kind: z.enum([
    "complexity",
    "nesting",
    "long_function",
    "unused_parameter",
    "too_many_parameters",
    "todo",
    "syntax",
  ]),
  severity: z.enum(["info", "warning", "error"]),
  function: z.string().nullable(),
  line: z.int(),
  message: z.string(),
});
export type CodeIssue = z.infer<typeof IssueSchema>;

const SuggestionSchema = z.object({
  issueId: z.string(),
  function: z.string().nullable(),
  text: z.string(),
});

/** What each issue costs the score (out of 100). */
const PENALTY = { error: 15, warning: 7, info: 2 } as const;

/** The limits the issues are measured against. */
export const LIMITS = {
  complexityWarning: 10,
  complexityError: 20,
  nesting: 3,
  lines: 50,
  params: 5,
} as const;

export function scoreOf(issues: readonly Pick<CodeIssue, "severity">[]): number {
  return Math.max(0, 100 - issues.reduce((sum, issue) => sum + PENALTY[issue.severity], 0));
}

export const extractFunctions = defineTool({
  name: "extract_functions",
  description:
    "Parses JavaScript or TypeScript source and lists its functions (declarations, methods, arrow functions) with their lines, parameters, cyclomatic complexity and nesting depth; also its TODO comments and syntax errors.",
  kind: "pure",
  timeoutMs: 10_000,
  input: z.object({ code: z.string().min(1).max(MAX_SOURCE_CHARS) }),
  output: z.object({
    functions: z.array(FunctionSchema),
    todos: z.array(z.object({ line: z.int(), text: z.string() })),
    syntax_errors: z.array(z.object({ line: z.int(), message: z.string() })),
    line_count: z.int(),
  }),
  run({ code }) {
    const analysis = analyseSource(code);
    return {
      functions: analysis.functions,
      todos: analysis.todos,
      syntax_errors: analysis.syntaxErrors,
      line_count: analysis.lines,
    };
  },
});

const rating = (complexity: number): "simple" | "moderate" | "complex" | "very complex" =>
  complexity <= 5
    ? "simple"
    : complexity <= LIMITS.complexityWarning
      ? "moderate"
      : complexity <= LIMITS.complexityError
        ? "complex"
        : "very complex";

export const checkComplexity = defineTool({
  name: "check_complexity",
  description:
    "Rates each function's cyclomatic complexity (simple ≤ 5, moderate ≤ 10, complex ≤ 20, very complex above) and gives the average and the maximum.",
  kind: "pure",
  timeoutMs: 5_000,
  input: z.object({ functions: z.array(FunctionSchema).max(10_000) }),
  output: z.object({
    complexity: z.array(
      z.object({
        function: z.string(),
        complexity: z.int(),
        nesting: z.int(),
        rating: z.enum(["simple", "moderate", "complex", "very complex"]),
      }),
    ),
    average_complexity: z.number(),
    max_complexity: z.int(),
  }),
  run({ functions }) {
    const complexity = functions.map((f) => ({
      function: f.name,
      complexity: f.complexity,
      nesting: f.maxNesting,
      rating: rating(f.complexity),
    }));
    const total = functions.reduce((sum, f) => sum + f.complexity, 0);
    return {
      complexity,
      average_complexity: functions.length ? Math.round((total / functions.length) * 100) / 100 : 0,
      max_complexity: functions.reduce((max, f) => Math.max(max, f.complexity), 0),
    };
  },
});

export const detectIssues = defineTool({
  name: "detect_issues",
  description:
    "Finds basic issues: high complexity, deep nesting, long functions, unused or too many parameters, TODO comments, syntax errors. Gives the code's quality score (100 minus 15 per error, 7 per warning, 2 per note).",
  kind: "pure",
  timeoutMs: 5_000,
  input: z.object({
    functions: z.array(FunctionSchema).max(10_000),
    todos: z.array(z.object({ line: z.int(), text: z.string() })).default([]),
    syntax_errors: z.array(z.object({ line: z.int(), message: z.string() })).default([]),
  }),
  output: z.object({ issues: z.array(IssueSchema), code_score: z.int() }),
  run({ functions, todos, syntax_errors }) {
    const issues: CodeIssue[] = [];
    const add = (issue: Omit<CodeIssue, "id">) =>
      issues.push({ ...issue, id: `${issue.kind}:${issue.function ?? "-"}:${issue.line}` });
    for (const error of syntax_errors) {
      add({
        kind: "syntax",
        severity: "error",
        function: null,
        line: error.line,
        message: error.message,
      });
    }
    for (const f of functions) {
      if (f.complexity > LIMITS.complexityWarning) {
        add({
          kind: "complexity",
          severity: f.complexity > LIMITS.complexityError ? "error" : "warning",
          function: f.name,
          line: f.startLine,
          message: `${f.name} has a cyclomatic complexity of ${f.complexity} (over ${LIMITS.complexityWarning}).`,
        });
      }
      if (f.maxNesting > LIMITS.nesting) {
        add({
          kind: "nesting",
          severity: "warning",
          function: f.name,
          line: f.startLine,
          message: `${f.name} nests control statements ${f.maxNesting} deep (over ${LIMITS.nesting}).`,
        });
      }
      if (f.lines > LIMITS.lines) {
        add({
          kind: "long_function",
          severity: "warning",
          function: f.name,
          line: f.startLine,
          message: `${f.name} is ${f.lines} lines long (over ${LIMITS.lines}).`,
        });
      }
      if (f.params.length > LIMITS.params) {
        add({
          kind: "too_many_parameters",
          severity: "info",
          function: f.name,
          line: f.startLine,
          message: `${f.name} takes ${f.params.length} parameters (over ${LIMITS.params}).`,
        });
      }
      for (const param of f.unusedParams) {
        add({
          kind: "unused_parameter",
          severity: "info",
          function: f.name,
          line: f.startLine,
          message: `${f.name} never uses its parameter "${param}".`,
        });
      }
    }
    for (const todo of todos) {
      add({
        kind: "todo",
        severity: "info",
        function: null,
        line: todo.line,
        message: `Open note: ${todo.text}`,
      });
    }
    return { issues, code_score: scoreOf(issues) };
  },
});

const ADVICE: Record<CodeIssue["kind"], (issue: CodeIssue) => string> = {
  complexity: (i) =>
    `Split ${i.function} into smaller functions: move each branch's work into a named helper, and replace chains of conditions with a lookup table or early returns.`,
  nesting: (i) =>
    `Flatten ${i.function}: return early for the exceptional cases (guard clauses) and move inner loops into helpers.`,
  long_function: (i) =>
    `Shorten ${i.function}: extract the steps it performs one after another into functions named for what they do.`,
  too_many_parameters: (i) =>
    `Give ${i.function} one options object instead of a long parameter list, so call sites name what they pass.`,
  unused_parameter: (i) =>
    `${i.message.replace(/\.$/, "")}: remove it, or prefix it with _ if a caller's signature needs it.`,
  todo: (i) =>
    `Resolve or file the note at line ${i.line} (${i.message.replace(/^Open note: /, "")}).`,
  syntax: (i) => `Fix the syntax error at line ${i.line}: ${i.message}`,
};

export const suggestImprovements = defineTool({
  name: "suggest_improvements",
  description:
    "Adds suggestions for the next function with open issues (worst first) and gives the quality score the code would have with every suggestion so far applied; `done` when no issue is left.",
  kind: "pure",
  timeoutMs: 5_000,
  input: z.object({
    issues: z.array(IssueSchema).max(10_000),
    suggestions: z.array(SuggestionSchema).max(10_000).default([]),
    iteration: z.number().int().min(0).default(0),
  }),
  output: z.object({
    suggestions: z.array(SuggestionSchema),
    quality_score: z.int(),
    remaining_issues: z.int(),
    iteration: z.int(),
  }),
  run({ issues, suggestions, iteration }) {
    const addressed = new Set(suggestions.map((s) => s.issueId));
    const open = issues.filter((issue) => !addressed.has(issue.id));
    // The function (or the file, for notes and syntax) whose open issues cost the most.
    const cost = new Map<string, number>();
    for (const issue of open) {
      const key = issue.function ?? "";
      cost.set(key, (cost.get(key) ?? 0) + PENALTY[issue.severity]);
    }
    const worst = [...cost.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    const next = worst ? open.filter((issue) => (issue.function ?? "") === worst[0]) : [];
    const added = next.map((issue) => ({
      issueId: issue.id,
      function: issue.function,
      text: ADVICE[issue.kind](issue),
    }));
    const remaining = open.filter((issue) => !next.includes(issue));
    return {
      suggestions: [...suggestions, ...added],
      quality_score: scoreOf(remaining),
      remaining_issues: remaining.length,
      iteration: iteration + 1,
    };
  },
});

/**
 * The configured AI provider's further suggestions (a hosted model; the local provider has none,
 * and the review stays deterministic). A model that fails or times out leaves the review as it
 * is, with a note, rather than failing it.
 */
export const aiReview = defineTool({
  name: "ai_review",
  description:
    "Asks the configured AI model (if a hosted one is set) for suggestions beyond the deterministic findings; without one, or if it fails, adds nothing and says why.",
  kind: "action",
  timeoutMs: 120_000,
  input: z.object({
    code: z.string().min(1).max(MAX_SOURCE_CHARS),
    issues: z.array(IssueSchema).max(10_000).default([]),
  }),
  output: z.object({
    ai_suggestions: z.array(z.object({ function: z.string().nullable(), text: z.string() })),
    ai_model: z.string(),
    ai_note: z.string(),
  }),
  async run({ code, issues }, { signal }) {
    const { aiSettings } = await import("@/lib/ai/config");
    const settings = aiSettings();
    const provider = settings.provider;
    if (!provider.reviewCode) {
      return { ai_suggestions: [], ai_model: "", ai_note: "No hosted AI model is configured." };
    }
    const timeout = AbortSignal.any([signal, AbortSignal.timeout(settings.timeoutMs)]);
    try {
      const review = await provider.reviewCode({
        code,
        findings: issues.map((issue) => issue.message),
        signal: timeout,
      });
      return { ai_suggestions: review.suggestions, ai_model: review.model, ai_note: "" };
    } catch (error) {
      const { log } = await import("@/lib/log");
      log.warn({ err: error, model: provider.model }, "the AI review failed");
      return {
        ai_suggestions: [],
        ai_model: "",
        ai_note: `The AI model (${provider.model}) did not answer; the review above is complete without it.`,
      };
    }
  },
});

export const CODE_REVIEW_TOOLS = [
  extractFunctions,
  checkComplexity,
  detectIssues,
  suggestImprovements,
  aiReview,
];
