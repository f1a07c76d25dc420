// Exit codes are part of the CLI contract (CI pipelines branch on them).
export const EXIT = {
  OK: 0,
  /** Findings at or above --fail-on, or anomalies when asked to fail on them. */
  FINDINGS: 1,
  /** Bad command line or bad input that stopped the command (some input may still have been used). */
  USAGE: 2,
  /** Input problems were reported but the command completed with the rest (partial result). */
  PARTIAL: 3,
  /** A source (API server, Prometheus, Loki, ...) could not be reached or refused us. */
  UNREACHABLE: 4,
  INTERNAL: 70,
} as const;

/** An error the user can act on: printed as one line, no stack. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.USAGE) {
    super(message);
    this.name = 'UserError';
  }
}
