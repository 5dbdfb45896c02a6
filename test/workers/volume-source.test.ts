// The --once output's sources: the collection table's "volume source" column (a demand source's label, else the row's own
// source, '-' when unknown) and the training rows' volume sources under the model.
import { describe, expect, it } from 'vitest';
import { describeVolumeSources } from '../../workers/cli/insights-summary';
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

describe('describeVolumeSources', () => {
  it('lists the non-zero counts of the rows a model was trained on', () => {
    expect(describeVolumeSources({ measured: 900, imported: 360, estimated: 0, simulated: 0, unknown: 0 })).toBe(
      '900 measured, 360 imported',
    );
    expect(describeVolumeSources({ measured: 0, imported: 0, estimated: 0, simulated: 0, unknown: 0 })).toBe('not counted');
    // a run recorded before the counts existed
    expect(describeVolumeSources(undefined)).toBe('not counted');
  });
});
