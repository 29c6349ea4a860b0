/**
 * The `local` provider: deterministic and offline, the default without an API key and the one
 * every test relies on (lib/ai/local/analyze.ts reads the text).
 *
 * The reading and its NLP libraries (compromise and chrono-node: ~13 MB of heap once used, and
 * their bundled sources in every chunk that imports them) load on first use, so a process that
 * never reads a text (an API serving inboxes, a job worker sending mail) does not hold them.
 */
import type { AiProvider, EnrichInput } from "../provider";
import type { ProviderOutput } from "../schema";

export const LOCAL_MODEL = "flowgate-local-1";

export const loadLocalAnalysis = () => import("./analyze");

export const localProvider: AiProvider = {
  name: "local",
  model: LOCAL_MODEL,
  pricing: { input: 0, output: 0 },
  async enrich({ text, now, timeZone }: EnrichInput): Promise<ProviderOutput> {
    const { enrichLocally } = await loadLocalAnalysis();
    return enrichLocally(text, now, timeZone);
  },
};
