/** The root of a report is not in the graph it was given. Callers turn it into NOT_FOUND. */
export class UnknownNodeError extends Error {
  constructor(readonly nodeId: string) {
    super(`no node ${nodeId} in the graph`);
  }
}
