/**
 * Layers of a graph for drawing it top to bottom: each node at its shortest distance from the
 * start (edges back to an earlier layer are loops, drawn as notes rather than lines).
 */
import type { GraphDefinition } from "./model";

export function layers(definition: Pick<GraphDefinition, "start" | "nodes" | "edges">): string[][] {
  const depth = new Map<string, number>([[definition.start, 0]]);
  const queue = [definition.start];
  while (queue.length) {
    const id = queue.shift() as string;
    for (const edge of definition.edges) {
      if (edge.from === id && !depth.has(edge.to)) {
        depth.set(edge.to, (depth.get(id) ?? 0) + 1);
        queue.push(edge.to);
      }
    }
  }
  const out: string[][] = [];
  for (const node of definition.nodes) {
    const d = depth.get(node.id);
    if (d === undefined) continue;
    out[d] ??= [];
    out[d].push(node.id);
  }
  return out.filter(Boolean);
}
