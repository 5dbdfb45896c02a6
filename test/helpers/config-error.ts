// What the configuration tests share: the ConfigError loadConfig throws for an environment, checked to name no secret.
import { expect } from 'vitest';
import { ConfigError, loadConfig } from '../../workers/config/config';

/** The ConfigError `env` raises; fails the test if there is none or if its message contains one of `secrets`. */
export function configErrorOf(env: Record<string, string>, secrets: string[]): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    for (const s of secrets) expect((err as Error).message).not.toContain(s);
    return err as ConfigError;
  }
  return expect.fail('expected a ConfigError');
}
