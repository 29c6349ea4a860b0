/**
 * "The text says more than the fields": figures in a request's text that would route it through a
 * longer chain than its confirmed fields (lib/services/routing-check.ts). Shown to approvers
 * wherever they decide, above the decision.
 */
export function RoutingWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div
      className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
      data-testid="routing-warnings"
    >
      <p className="font-medium">Check the figures: the text says more than the fields</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </div>
  );
}
