/**
 * Errors about a whole source file: it cannot be read as text, is empty, or matches no
 * (or more than one) source format. The message names the file and the 1-based line.
 */
export class SourceError extends Error {
  constructor(
    /** File name as given by the caller (usually relative to content/sources/). */
    public readonly file: string,
    /** 1-based line the problem is on. */
    public readonly line: number,
    /** The problem without the location prefix. */
    public readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'SourceError';
  }
}
