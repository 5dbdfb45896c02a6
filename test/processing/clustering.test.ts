import { describe, expect, it } from 'vitest';
import { clusterKeywords, readableLabel } from '../../activities/processing/clustering';
import { processObservations } from '../../activities/processing/process';
import type { CompleteObservation } from '../../activities/processing/types';

const topics = ['wedding', 'teacher', 'christmas', 'fitness', 'budget', 'halloween'];
const products = ['planner', 'invitation', 'worksheet', 'svg', 'template', 'sticker', 'printable'];
const keywords = topics.flatMap((t) => products.map((p) => `${t} ${p}`));

describe('clusterKeywords', () => {
  it('is deterministic: the same keywords give the same clusters and labels', () => {
    const a = clusterKeywords(keywords, { k: 5 });
    const b = clusterKeywords(keywords, { k: 5 });
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(a.clusters).toEqual(b.clusters);
    expect(clusterKeywords(keywords, { k: 5, seed: 7 }).clusters.length).toBe(5);
  });

  it('numbers clusters by size, largest first, with sizes that add up', () => {
    const { clusters, assignments } = clusterKeywords(keywords, { k: 4 });
    expect(clusters.map((c) => c.id)).toEqual([0, 1, 2, 3]);
    expect(clusters.map((c) => c.size)).toEqual([...clusters.map((c) => c.size)].sort((x, y) => y - x));
    expect(clusters.reduce((n, c) => n + c.size, 0)).toBe(keywords.length);
    for (const c of clusters) expect(Array.from(assignments).filter((a) => a === c.id).length).toBe(c.size);
  });

  it('caps k by the distinct keywords', () => {
    expect(clusterKeywords(['wedding planner', 'teacher svg', 'budget sticker']).clusters.length).toBe(3);
    const dup = clusterKeywords(['wedding planner', 'wedding planner', 'teacher svg', 'teacher svg'], { k: 10 });
    expect(dup.clusters.length).toBe(2);
    expect(dup.assignments[0]).toBe(dup.assignments[1]);
    expect(dup.assignments[2]).toBe(dup.assignments[3]);
    expect(clusterKeywords(['only one']).clusters).toHaveLength(1);
    expect(clusterKeywords([]).clusters).toEqual([]);
  });

  it('separates keywords that share nothing, and labels them by their terms', () => {
    const crochet = ['crochet pattern', 'crochet pattern baby', 'easy crochet pattern', 'crochet pattern blanket'];
    const wedding = ['wedding invitation', 'wedding invitation boho', 'rustic wedding invitation', 'wedding invitation card'];
    const { assignments, clusters } = clusterKeywords([...crochet, ...wedding], { k: 2 });
    expect(new Set(Array.from(assignments.slice(0, 4))).size).toBe(1);
    expect(new Set(Array.from(assignments.slice(4))).size).toBe(1);
    expect(assignments[0]).not.toBe(assignments[4]);
    const labels = clusters.map((c) => c.label).sort();
    expect(labels[0]).toContain('crochet');
    expect(labels[1]).toContain('wedding');
  });

  it('clusters keywords made only of stop words without failing', () => {
    const { clusters } = clusterKeywords(['the', 'and', 'of the']);
    expect(clusters).toEqual([{ id: 0, label: '(no distinctive terms)', topTerms: [], size: 3 }]);
  });
});

describe('readableLabel', () => {
  it('skips terms whose words are already shown and keeps three', () => {
    expect(readableLabel(['wedding invitation', 'wedding', 'invitation', 'boho', 'rustic', 'card'])).toBe(
      'wedding invitation, boho, rustic',
    );
  });
});

describe('processObservations', () => {
  const row = (keyword: string, platform = 'etsy'): CompleteObservation => ({
    keyword,
    platform,
    day: '2026-11-01',
    searchVolume: 2500,
    competition: 0.2,
    cpc: 2,
    trendScore: 0.8,
    relatedKeywords: ['wedding planner', '3d model', 'ab'],
  });

  it('scores, cleans related keywords and clusters each observation', () => {
    const { keywords: out, clusters } = processObservations([row('wedding planner'), row('wedding planner', 'amazon'), row('teacher svg')]);
    expect(out[0]).toMatchObject({ difficultyScore: 0.365, opportunityScore: 0.68, relatedKeywords: ['wedding planner'] });
    expect(out[0]!.clusterId).toBe(out[1]!.clusterId);
    expect(clusters).toHaveLength(2);
  });

  it('leaves a single observation unclustered, as the reference pipeline', () => {
    expect(processObservations([row('wedding planner')]).keywords[0]!.clusterId).toBeNull();
  });
});
