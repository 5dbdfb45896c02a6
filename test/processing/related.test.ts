import { describe, expect, it } from 'vitest';
import { cleanRelatedKeywords } from '../../activities/processing/related';

describe('cleanRelatedKeywords', () => {
  it('keeps multi-word phrases, which the reference pipeline’s isalpha() dropped', () => {
    expect(cleanRelatedKeywords(['wedding planner', 'boho wall art', 'svg'])).toEqual(['wedding planner', 'boho wall art', 'svg']);
  });

  it('keeps 3 to 50 characters', () => {
    const fifty = 'a'.repeat(50);
    expect(cleanRelatedKeywords(['ab', 'abc', fifty, `${fifty}b`])).toEqual(['abc', fifty]);
  });

  it('drops digits, punctuation and irregular spacing as isalpha() would per word', () => {
    expect(cleanRelatedKeywords(['3d model', 'a4 planner', 'wall-art', 'mom & dad', ' planner', 'wall  art', 'planner '])).toEqual([]);
  });

  it('accepts letters of any script, counting characters as Python does', () => {
    expect(cleanRelatedKeywords(['café crème', 'übersicht', 'планер'])).toEqual(['café crème', 'übersicht', 'планер']);
    // two astral letters are two characters in Python, four UTF-16 units in JavaScript
    expect(cleanRelatedKeywords(['𝐀𝐁', '𝐀𝐁𝐂'])).toEqual(['𝐀𝐁𝐂']);
  });

  it('returns at most 10, in order', () => {
    const many = Array.from({ length: 15 }, (_, i) => `keyword ${'x'.repeat(i + 1)}`);
    expect(cleanRelatedKeywords(many)).toEqual(many.slice(0, 10));
  });

  it('handles an empty or missing list and non-string entries', () => {
    expect(cleanRelatedKeywords([])).toEqual([]);
    expect(cleanRelatedKeywords(null)).toEqual([]);
    expect(cleanRelatedKeywords(undefined)).toEqual([]);
    expect(cleanRelatedKeywords([42, null, { k: 1 }, 'printable'])).toEqual(['printable']);
  });
});
