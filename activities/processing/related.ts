// Related-keyword cleaning as the seed does it (3–50 characters, at most 10), minus its bug:
// str.isalpha() is false for any phrase with a space, so the seed kept no multi-word keyword.

const MAX_RELATED = 10;
/** Words of letters (any script, like Python's isalpha) separated by single spaces. */
const PHRASE = /^\p{L}+(?: \p{L}+)*$/u;
const ASCII = /^[\x20-\x7e]*$/;

/** Length in code points, as Python's len(). */
function pyLength(text: string): number {
  return ASCII.test(text) ? text.length : [...text].length;
}

export function cleanRelatedKeywords(related: readonly unknown[] | null | undefined): string[] {
  if (!related || related.length === 0) return [];
  const kept: string[] = [];
  for (const candidate of related) {
    if (typeof candidate !== 'string') continue;
    const length = pyLength(candidate);
    if (length < 3 || length > 50 || !PHRASE.test(candidate)) continue;
    kept.push(candidate);
    if (kept.length === MAX_RELATED) break;
  }
  return kept;
}
