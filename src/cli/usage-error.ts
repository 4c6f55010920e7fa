/** A mistake in how the command was called: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose `--help` explains the fix ('' for the top-level help); none when help would not. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
