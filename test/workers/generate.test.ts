// `npm run generate`: lines the import accepts, in the counts asked for, the same bytes for the same arguments,
// and bad arguments refused by name before anything is written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseObservationLine } from '../../activities/imports/formats/observation-line';
import { observationLines, type DatasetOptions } from '../../workers/generate/dataset';
import { parseGenerateArgs } from '../../workers/generate/args';

const options = (o: Partial<DatasetOptions> = {}): DatasetOptions => ({
  keywords: 40,
  days: 5,
  seed: 42,
  platforms: ['amazon', 'etsy', 'ebay'],
  end: '2026-11-01',
  ...o,
});

describe('observationLines', () => {
  it('writes keywords × platforms × days lines that the import parses, over the days asked for', () => {
    const lines = [...observationLines(options())];
    expect(lines).toHaveLength(40 * 3 * 5);
    const rows = lines.map((line, i) => parseObservationLine(line, i + 1));
    expect(new Set(rows.map((r) => r.keyword)).size).toBe(40);
    expect([...new Set(rows.map((r) => r.day))]).toEqual(['2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01']);
    expect(new Set(rows.map((r) => r.platform))).toEqual(new Set(['amazon', 'etsy', 'ebay']));
    for (const r of rows) {
      expect(r.competition).toBeLessThanOrEqual(1);
      expect(r.trendScore).toBeLessThanOrEqual(1);
      expect(r.relatedKeywords.length).toBeLessThanOrEqual(10);
      expect(r.relatedKeywords).not.toContain(r.keyword);
      expect(r.category).toEqual(expect.any(String));
    }
    // one category per keyword and platform, kept from day to day
    const categories = new Map<string, Set<string | null>>();
    for (const r of rows)
      categories.set(`${r.platform} ${r.keyword}`, (categories.get(`${r.platform} ${r.keyword}`) ?? new Set()).add(r.category));
    expect([...categories.values()].every((c) => c.size === 1)).toBe(true);
  });

  it('gives the same lines for the same seed, and other lines for another seed', () => {
    const first = [...observationLines(options())];
    expect([...observationLines(options())]).toEqual(first);
    expect([...observationLines(options({ seed: 7 }))]).not.toEqual(first);
    // pinned: a change of the generator changes every dataset and the figures measured on them (docs/benchmarks.md)
    expect(first[0]).toBe(
      '{"keyword":"retro pet certificate","platform":"amazon","date":"2026-10-28","search_volume":57,"competition":0.323,"cpc":1.17,' +
        '"trend_score":0.519,"related_keywords":[],"category":"Apps & Games"}',
    );
  });

  it('writes distinct keywords, as many as asked for', () => {
    const rows = [...observationLines(options({ keywords: 20_000, days: 1, platforms: ['etsy'] }))];
    expect(new Set(rows.map((line) => (JSON.parse(line) as { keyword: string }).keyword)).size).toBe(20_000);
  });

  it('writes only the platforms asked for', () => {
    const rows = [...observationLines(options({ platforms: ['ebay'] }))].map((line, i) => parseObservationLine(line, i + 1));
    expect(rows).toHaveLength(40 * 5);
    expect(new Set(rows.map((r) => r.platform))).toEqual(new Set(['ebay']));
  });
});

describe('parseGenerateArgs', () => {
  const today = new Date('2026-12-02T10:00:00Z');

  it('defaults to seed 42, every platform and yesterday as the last day', () => {
    expect(parseGenerateArgs(['--keywords', '10', '--days', '3'], today)).toEqual({
      keywords: 10,
      days: 3,
      seed: 42,
      platforms: ['amazon', 'etsy', 'ebay'],
      end: '2026-12-01',
      out: undefined,
    });
  });

  it.each([
    [[], '--keywords: is required'],
    [['--keywords', '10'], '--days: is required'],
    [['--keywords', '0', '--days', '1'], '--keywords: must be a whole number'],
    [['--keywords', '1.5', '--days', '1'], '--keywords: must be a whole number'],
    [['--keywords', '10', '--days', 'ten'], '--days: must be a whole number'],
    [['--keywords', '10', '--days', '4000'], '--days: must be a whole number from 1 to 3650'],
    [['--keywords', '10', '--days', '1', '--seed=-1'], '--seed: must be a whole number'],
    [['--keywords', '10', '--days', '1', '--end', '2026-02-30'], '--end: must be a date'],
    [['--keywords', '10', '--days', '1', '--platforms', 'etsy,walmart'], "--platforms: must list amazon, etsy, ebay, not 'walmart'"],
    [['--keywords', '10', '--days', '1', '--platforms', 'etsy,etsy'], '--platforms: lists a platform twice'],
    [['--keywords', '10', '--days', '1', '--out', ' '], '--out: must name a file'],
    [['--keywords', '10', '--days', '1', '--keyword', '5'], '--keyword: is not an option'],
    [['--keywords', '10', '--days'], '--days: needs a value'],
    [['--keywords', '10', '--days', '1', 'extra'], 'extra: is not an option'],
  ])('refuses %j naming the flag', (argv, message) => {
    expect(() => parseGenerateArgs(argv, today)).toThrow(message);
  });
});

describe('npm run generate', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'generate-test-'));
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'workers/generate.ts', ...args], { encoding: 'utf8' });

  it('writes the file, the same bytes as standard output, and says what it wrote', () => {
    const file = path.join(dir, 'history.jsonl');
    const args = ['--keywords', '25', '--days', '4', '--end', '2026-11-01', '--seed', '9'];
    const toFile = run([...args, '--out', file]);
    expect(toFile.status).toBe(0);
    expect(toFile.stderr).toContain(`wrote 300 observations (25 keywords × 3 platforms × 4 days to 2026-11-01, seed 9) to ${file}`);
    const toStdout = run(args);
    expect(toStdout.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(toStdout.stdout);
    expect(toStdout.stdout.split('\n')).toHaveLength(301); // each line ends with a newline
  });

  it('refuses a bad argument with exit code 2, the flag named, and no file written', () => {
    const file = path.join(dir, 'never.jsonl');
    const out = run(['--keywords', 'many', '--days', '2', '--out', file]);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain("--keywords: must be a whole number from 1 to 10000000, not 'many'");
    expect(out.stderr).toContain('usage: npm run generate');
    expect(existsSync(file)).toBe(false);
  });
});
