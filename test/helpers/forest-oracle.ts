// ml-random-forest configured as our forest grows (every feature at each split, bootstrap rows without replacement,
// depth 10, seeded): the oracle the forest test and the oracle bench compare our trees with.
import { RandomForestRegression } from 'ml-random-forest';

export const oracleForest = (nEstimators: number) =>
  new RandomForestRegression({
    nEstimators,
    seed: 42,
    maxFeatures: 1.0,
    replacement: false,
    useSampleBagging: true,
    noOOB: true,
    treeOptions: { maxDepth: 10 },
  });
