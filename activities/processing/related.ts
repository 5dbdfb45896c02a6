// Related-keyword cleaning as the reference pipeline does it (3–50 characters, at most 10), minus its bug:
// str.isalpha() is false for any phrase with a space, so the reference kept no multi-word keyword.

const MAX_RELATED = 10;
/** Words of letters (any script, like Python's isalpha) separated by single spaces. */
const PHRASE = /^\p{L}+(?: \p{L}+)*$/u;
/** The same for plain ASCII, which is most keywords and much faster to test. */
const ASCII_PHRASE = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/** Length in code points, as Python's len(). */
function pyLength(text: string): number {
  return /[\uD800-\uDFFF]/.test(text) ? [...text].length : text.length;
}

function isPhrase(text: string): boolean {
  if (ASCII_PHRASE.test(text)) return text.length >= 3 && text.length <= 50;
  return PHRASE.test(text) && pyLength(text) >= 3 && pyLength(text) <= 50;
}

export function cleanRelatedKeywords(related: readonly unknown[] | null | undefined): string[] {
  if (!related || related.length === 0) return [];
  const kept: string[] = [];
  for (const candidate of related) {
    if (typeof candidate !== 'string' || !isPhrase(candidate)) continue;
    kept.push(candidate);
    if (kept.length === MAX_RELATED) break;
  }
  return kept;
}
