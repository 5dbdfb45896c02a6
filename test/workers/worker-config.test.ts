// Providers of the worker and the local stack: its own where configured, the simulator (SIMULATOR_URL) elsewhere.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../workers/config/config';
import { withSimulatorFallback } from '../../workers/dev-stack/simulator-fallback';

const base = { TEMPORAL_ADDRESS: 'localhost:7233', DATABASE_URL: 'postgresql://u:p@localhost/db' };

describe('withSimulatorFallback', () => {
  it('sends only the platforms without a provider to the simulator', () => {
    const config = loadConfig({
      ...base,
      SIMULATOR_URL: 'http://simulator:4010/',
      SIMULATOR_API_KEY: 'sim-key-123',
      ETSY_PROVIDER_URL: 'https://keywords.example.com/etsy',
      ETSY_API_KEY: 'etsy-key-123',
    });
    const providers = withSimulatorFallback(config.providers, config.simulator);
    expect([providers.amazon.baseUrl, providers.amazon.apiKey]).toEqual(['http://simulator:4010/amazon', 'sim-key-123']);
    expect([providers.etsy.baseUrl, providers.etsy.apiKey]).toEqual(['https://keywords.example.com/etsy', 'etsy-key-123']);
    expect(providers.ebay.baseUrl).toBe('http://simulator:4010/ebay');
  });

  it('leaves providers alone without SIMULATOR_URL', () => {
    const config = loadConfig(base);
    expect(withSimulatorFallback(config.providers, config.simulator).amazon.baseUrl).toBeUndefined();
  });

  it('requires SIMULATOR_API_KEY with SIMULATOR_URL, naming it', () => {
    expect(() => loadConfig({ ...base, SIMULATOR_URL: 'http://simulator:4010' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, SIMULATOR_URL: 'http://simulator:4010' })).toThrow(/SIMULATOR_API_KEY/);
  });
});
