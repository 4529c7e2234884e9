/**
 * Shared command-line handling for scripts/: `--help` prints the usage, and an unknown option,
 * a missing or bad value prints one `error:` line and the usage (exit code 2), never a stack
 * trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
type HelpOption = { help: { type: 'boolean'; short: 'h' } };

export interface CliSpec<O extends Options> {
  /** The full usage text, printed by --help and after a usage error. */
  usage: string;
  options: O;
  allowPositionals?: boolean;
}

/** Prints `error: <message>` and the usage to stderr and exits with code 2. */
export function usageError(usage: string, message: string): never {
  console.error(`error: ${message}`);
  console.error(usage.trimEnd());
  process.exit(2);
}

/** The first sentence of a node:util parseArgs message (the rest explains `--`). */
function firstSentence(message: string): string {
  return message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '');
}

/**
 * parseArgs in strict mode plus `-h` / `--help`. Exits on --help (code 0) and on a usage error
 * (code 2); otherwise returns the parsed values and positionals.
 */
export function parseCli<const O extends Options>(spec: CliSpec<O>, args: string[] = process.argv.slice(2)) {
  type Config = { args: string[]; options: O & HelpOption; allowPositionals: true; strict: true };
  const config: Config = {
    args,
    options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  };
  let parsed: ReturnType<typeof parseArgs<Config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    usageError(spec.usage, firstSentence(error instanceof Error ? error.message : String(error)));
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(spec.usage.trimEnd());
    process.exit(0);
  }
  if (!spec.allowPositionals && parsed.positionals.length > 0) {
    usageError(spec.usage, `unexpected argument "${parsed.positionals[0]}"`);
  }
  return parsed;
}

/** A value that must be one of `choices`; a usage error otherwise. */
export function oneOf<T extends string>(usage: string, option: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  usageError(usage, `${option} must be one of ${choices.join(', ')} (got "${value}")`);
}

/** A positive integer option value; a usage error otherwise. */
export function positiveInt(usage: string, option: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0) {
    usageError(usage, `${option} must be a positive whole number (got "${value}")`);
  }
  return n;
}
