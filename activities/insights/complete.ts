// Averages, slopes, forecasts and training need every metric: observations with an unknown one are counted, not guessed.
import type { CompleteObservation, ObservationInput } from '../processing/types';

export const isComplete = (row: ObservationInput): row is CompleteObservation =>
  row.searchVolume !== null && row.competition !== null && row.cpc !== null && row.trendScore !== null;
