/**
 * A refusal: the input cannot be handled. Generators throw it before writing anything; the CLI
 * prints the message and exits non-zero.
 */
export class GeneratorInputError extends Error {
  /**
   * @param problem - what is wrong and how to fix it, naming the offending input.
   */
  constructor(problem: string) {
    super(problem);
    this.name = 'GeneratorInputError';
  }
}
