/**
 * A sensitive string (a password, a token, a hash) that cannot leak by accident: it serialises as
 * `[redacted]` in JSON (so in every pino log line and every response body) and in `String()`;
 * only {@link Secret.reveal} gives the value, to the one adapter that needs it (the hasher, the
 * token verifier).
 */
export class Secret {
  readonly #value: string;

  /** @param value - the sensitive value. */
  constructor(value: string) {
    this.#value = value;
  }

  /**
   * @pure
   * @returns the value itself; pass it only to a hasher, verifier or the database.
   */
  reveal(): string {
    return this.#value;
  }

  /**
   * @pure
   * @returns `[redacted]`: what JSON (logs, responses) shows instead of the value.
   */
  toJSON(): string {
    return '[redacted]';
  }

  /**
   * @pure
   * @returns `[redacted]`.
   */
  toString(): string {
    return '[redacted]';
  }
}
