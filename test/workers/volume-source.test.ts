// The --once table's "volume source" column: a demand source's label, else the row's own source, '-' when unknown.
import { describe, expect, it } from 'vitest';
import { volumeSource } from '../../workers/cli/once';

describe('volumeSource', () => {
  it("names the demand source that filled the volume, the row's source for its own, and nothing for an unknown one", () => {
    expect(
      volumeSource({
        searchVolume: 7578,
        source: 'etsy-v3:simulator',
        metricSources: { search_volume: 'google-ads:simulator: average monthly Google searches' },
      }),
    ).toBe('google-ads:simulator: average monthly Google searches');
    expect(volumeSource({ searchVolume: 3072, source: 'simulator', metricSources: {} })).toBe('simulator');
    expect(volumeSource({ searchVolume: null, source: 'ebay-browse:api.ebay.com', metricSources: {} })).toBe('-');
  });
});
