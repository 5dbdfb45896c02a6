// `npm run temporal:cli`: resolves the Temporal CLI (installing it into DATA_DIR if needed) and prints its path.
import { loadConfig } from './config/config';
import { resolveTemporalCli } from './dev-stack/temporal-cli';

const config = loadConfig();
resolveTemporalCli({ cliPath: config.temporal.cliPath, dataDir: config.dataDir, log: (line) => console.error(line) }).then(
  (cli) => console.log(cli.path),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
