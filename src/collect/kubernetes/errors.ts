// Errors that stop a live collection. Each message is one line a user can act on; the CLI maps
// `reason` to an exit code (kubeconfig → usage, unreachable/unauthorized/forbidden → unreachable).

export type KubeAccessReason = 'kubeconfig' | 'unreachable' | 'unauthorized' | 'forbidden' | 'credentials';

export class KubeAccessError extends Error {
  constructor(
    message: string,
    readonly reason: KubeAccessReason,
  ) {
    super(oneLine(message));
    this.name = 'KubeAccessError';
  }
}

/** First non-empty line of a message, trimmed: library errors (js-yaml, exec plugins) span many lines. */
export function oneLine(message: string): string {
  const line = message
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  return line ?? message.trim();
}

export function errorMessage(e: unknown): string {
  return oneLine(e instanceof Error ? e.message : String(e));
}
