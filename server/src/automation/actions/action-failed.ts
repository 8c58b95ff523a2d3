/** An action that did not complete: `permanent` ones are not retried (refused address, invalid values). */
export class ActionFailed extends Error {
  constructor(readonly status: 'failed' | 'refused', message: string, readonly permanent: boolean, readonly detail: Record<string, unknown> = {}) {
    super(message);
  }
}
