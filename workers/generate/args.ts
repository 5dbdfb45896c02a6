// `npm run generate` arguments, checked: a bad one is refused with the flag's name, before anything is written.
import { parseArgs } from 'node:util';
import { isCalendarDay } from '../../workflows/validation';
import { PLATFORMS, type Platform } from '../../workflows/types/platforms';
import type { DatasetOptions } from './dataset';

export const USAGE =
  'usage: npm run generate -- --keywords N --days D [--out FILE] [--seed S] [--end YYYY-MM-DD] [--platforms amazon,etsy,ebay]';

/** Large enough for the benchmarks' million keywords, small enough to refuse a typo's extra zeros. */
export const MAX_KEYWORDS = 10_000_000;
export const MAX_DAYS = 3_650;

export interface GenerateArgs extends DatasetOptions {
  /** Where the lines go; standard output when absent. */
  out?: string;
}

export class ArgumentError extends Error {
  constructor(
    readonly flag: string,
    reason: string,
  ) {
    super(`${flag}: ${reason}`);
    this.name = 'ArgumentError';
  }
}

/** The day before `today`, in UTC: the default last day, so an imported history leads up to today's collection. */
export function yesterday(today = new Date()): string {
  return new Date(today.getTime() - 86_400_000).toISOString().slice(0, 10);
}

export function parseGenerateArgs(argv: string[], today = new Date()): GenerateArgs {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        keywords: { type: 'string' },
        days: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        end: { type: 'string' },
        platforms: { type: 'string' },
      },
    }));
  } catch (err) {
    throw parseArgsError(err);
  }
  const whole = (flag: string, min: number, max: number, fallback?: number): number => {
    const raw = values[flag];
    if (raw === undefined) {
      if (fallback === undefined) throw new ArgumentError(`--${flag}`, 'is required');
      return fallback;
    }
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new ArgumentError(`--${flag}`, `must be a whole number from ${min} to ${max}, not '${raw}'`);
    }
    return n;
  };
  const keywords = whole('keywords', 1, MAX_KEYWORDS);
  const days = whole('days', 1, MAX_DAYS);
  const seed = whole('seed', 0, 0xffffffff, 42);
  const end = values.end ?? yesterday(today);
  if (!isCalendarDay(end)) throw new ArgumentError('--end', `must be a date YYYY-MM-DD, not '${end}'`);
  const platforms = (values.platforms ?? PLATFORMS.join(',')).split(',').map((p) => p.trim());
  const unknown = platforms.find((p) => !(PLATFORMS as readonly string[]).includes(p));
  if (unknown !== undefined) throw new ArgumentError('--platforms', `must list ${PLATFORMS.join(', ')}, not '${unknown}'`);
  if (new Set(platforms).size !== platforms.length) throw new ArgumentError('--platforms', 'lists a platform twice');
  if (values.out !== undefined && values.out.trim() === '') throw new ArgumentError('--out', 'must name a file');
  return {
    keywords,
    days,
    seed,
    platforms: platforms as Platform[],
    end,
    out: values.out,
  };
}

/** node:util's parse errors, said with the flag first (its messages quote it: "Unknown option '--keyword'"). */
function parseArgsError(err: unknown): Error {
  if (!(err instanceof Error)) return new Error(String(err));
  const quoted = /'([^' ]+)/.exec(err.message)?.[1] ?? '(arguments)';
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new ArgumentError(quoted, 'is not an option');
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new ArgumentError(quoted, 'needs a value');
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new ArgumentError(quoted, 'is not an option (every value follows its flag)');
    default:
      return err;
  }
}
