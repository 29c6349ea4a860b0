/** Small display helpers shared by the request lists. */
export const requestLabel = (number: number) => `FG-${number}`;

export function formatStatus(status: string): string {
  return status.charAt(0) + status.slice(1).toLowerCase().replaceAll("_", " ");
}

export function formatDue(due: Date | null): string {
  return due ? due.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "—";
}
