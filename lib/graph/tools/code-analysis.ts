/**
 * Static analysis of JavaScript and TypeScript source with the TypeScript compiler's own parser
 * (`ts.createSourceFile`: syntax only, no type checking, no file system): the functions of a
 * file with their size, parameters, cyclomatic complexity and nesting depth, and the TODO-style
 * comments. Deterministic: the same source gives the same result. Used by the code-review tools
 * (lib/graph/tools/code-review.ts).
 */
import ts from "typescript";

export interface FunctionInfo {
  /** "parse", "Cart.total", "(anonymous at line 12)". */
  name: string;
  startLine: number;
  endLine: number;
  /** Lines from the signature to the closing brace. */
  lines: number;
  params: string[];
  /** Parameters the body never reads (names starting with _ are meant to be unused). */
  unusedParams: string[];
  /** McCabe: 1 + each if, ?:, loop, case, catch, && / || / ?? in the function's own body. */
  complexity: number;
  /** Deepest nesting of control statements (if, loops, switch, try) in its own body. */
  maxNesting: number;
}

export interface SourceAnalysis {
  functions: FunctionInfo[];
  todos: { line: number; text: string }[];
  /** Syntax errors the parser recovered from: the analysis of that part may be off. */
  syntaxErrors: { line: number; message: string }[];
  lines: number;
}

/** The largest source analysed (a pasted file, not a repository). */
export const MAX_SOURCE_CHARS = 200_000;

const NESTING_KINDS = new Set([
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.SwitchStatement,
  ts.SyntaxKind.TryStatement,
]);

const DECISION_KINDS = new Set([
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.ConditionalExpression,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.CaseClause,
  ts.SyntaxKind.CatchClause,
]);

const LOGICAL_OPERATORS = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
]);

type FunctionNode =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

function isFunctionNode(node: ts.Node): node is FunctionNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

export function analyseSource(code: string): SourceAnalysis {
  const source = ts.createSourceFile(
    "input.tsx",
    code,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;
  const functions: FunctionInfo[] = [];

  const visit = (node: ts.Node) => {
    if (isFunctionNode(node) && node.body) functions.push(describe(node, source, lineOf));
    ts.forEachChild(node, visit);
  };
  visit(source);
  functions.sort((a, b) => a.startLine - b.startLine || a.name.localeCompare(b.name));

  const diagnostics =
    (source as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ??
    [];
  return {
    functions,
    todos: todoComments(source, lineOf),
    syntaxErrors: diagnostics.slice(0, 20).map((d) => ({
      line: lineOf(d.start),
      message: ts.flattenDiagnosticMessageText(d.messageText, " "),
    })),
    lines: source.getLineStarts().length,
  };
}

function describe(
  node: FunctionNode,
  source: ts.SourceFile,
  lineOf: (position: number) => number,
): FunctionInfo {
  const startLine = lineOf(node.getStart(source));
  const endLine = lineOf(node.getEnd());
  const params = node.parameters.flatMap((p) => bindingNames(p.name));
  const used = new Set<string>();
  let complexity = 1;
  let maxNesting = 0;

  const walk = (child: ts.Node, depth: number) => {
    // A nested function is a function of its own: its decisions are not this one's.
    if (isFunctionNode(child)) {
      collectReads(child, used);
      return;
    }
    if (DECISION_KINDS.has(child.kind)) complexity += 1;
    if (ts.isBinaryExpression(child) && LOGICAL_OPERATORS.has(child.operatorToken.kind)) {
      complexity += 1;
    }
    let nextDepth = depth;
    // `else if` continues the same level rather than nesting one deeper.
    const elseIf =
      ts.isIfStatement(child) &&
      ts.isIfStatement(child.parent) &&
      child.parent.elseStatement === child;
    if (NESTING_KINDS.has(child.kind) && !elseIf) {
      nextDepth = depth + 1;
      maxNesting = Math.max(maxNesting, nextDepth);
    }
    if (ts.isIdentifier(child) && isRead(child)) used.add(child.text);
    ts.forEachChild(child, (grandchild) => walk(grandchild, nextDepth));
  };
  if (node.body) ts.forEachChild(node.body, (child) => walk(child, 0));
  if (node.body && ts.isIdentifier(node.body)) used.add(node.body.text); // x => x
  // Defaults of later parameters may read earlier ones.
  for (const parameter of node.parameters) {
    if (parameter.initializer) collectReads(parameter.initializer, used);
  }

  return {
    name: functionName(node, startLine),
    startLine,
    endLine,
    lines: endLine - startLine + 1,
    params,
    unusedParams: params.filter((p) => !used.has(p) && !p.startsWith("_")),
    complexity,
    maxNesting,
  };
}

function collectReads(node: ts.Node, used: Set<string>) {
  const walk = (child: ts.Node) => {
    if (ts.isIdentifier(child) && isRead(child)) used.add(child.text);
    ts.forEachChild(child, walk);
  };
  walk(node);
}

/** Whether an identifier refers to a binding (not `.name` of a property access, not a key). */
function isRead(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (!parent) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === identifier) return false;
  if (ts.isMethodDeclaration(parent) && parent.name === identifier) return false;
  if (ts.isPropertyDeclaration(parent) && parent.name === identifier) return false;
  if (ts.isParameter(parent) && parent.name === identifier) return false;
  return true;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : bindingNames(element.name),
  );
}

function functionName(node: FunctionNode, line: number): string {
  const owner = (n: ts.Node) =>
    ts.isClassLike(n.parent) && n.parent.name ? `${n.parent.name.text}.` : "";
  if (ts.isConstructorDeclaration(node)) return `${owner(node)}constructor`;
  if (
    (ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node)) &&
    node.name
  ) {
    return `${owner(node)}${node.name.getText()}`;
  }
  if (ts.isFunctionExpression(node) && node.name) return node.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
    return parent.name.text;
  }
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  if (parent && ts.isPropertyDeclaration(parent)) return `${owner(parent)}${parent.name.getText()}`;
  return `(anonymous at line ${line})`;
}

const TODO = /\b(TODO|FIXME|XXX|HACK)\b[:\s-]*(.*)/;

/**
 * TODO, FIXME, XXX and HACK in comments (never in strings or templates): the comment ranges are
 * read from the trivia before and after each token of the parsed file.
 */
function todoComments(source: ts.SourceFile, lineOf: (position: number) => number) {
  const code = source.getFullText();
  const seen = new Set<number>();
  const ranges: ts.CommentRange[] = [];
  const add = (found: ts.CommentRange[] | undefined) => {
    for (const range of found ?? []) {
      if (!seen.has(range.pos)) {
        seen.add(range.pos);
        ranges.push(range);
      }
    }
  };
  const walk = (node: ts.Node) => {
    add(ts.getLeadingCommentRanges(code, node.getFullStart()));
    add(ts.getTrailingCommentRanges(code, node.getEnd()));
    for (const child of node.getChildren(source)) walk(child);
  };
  walk(source);
  ranges.sort((a, b) => a.pos - b.pos);
  const found: { line: number; text: string }[] = [];
  for (const range of ranges) {
    code
      .slice(range.pos, range.end)
      .split("\n")
      .forEach((text, offset) => {
        const match = TODO.exec(text);
        if (match && found.length < 200) {
          const note = match[2]?.replace(/\*\/\s*$/, "").trim();
          found.push({
            line: lineOf(range.pos) + offset,
            text: `${match[1]}${note ? `: ${note}` : ""}`,
          });
        }
      });
  }
  return found;
}
