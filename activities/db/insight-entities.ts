// Processed keywords, clusters, trend analyses and model versions (migration ..._insights).
import { BigIntType, EntitySchema } from '@mikro-orm/core';
import type { ModelMetrics } from '../../workflows/types/insights';
import type { SerializedForest } from '../ml/forest';
import type { TrainedSuccessModel } from '../ml/success';

export interface ProcessedKeywordRow {
  id: string;
  platform: string;
  keyword: string;
  day: string;
  searchVolume: number | null;
  competition: number | null;
  cpc: number | null;
  trendScore: number | null;
  difficultyScore: number | null;
  opportunityScore: number | null;
  relatedKeywords: string[];
  category: string | null;
  clusterId: number | null;
  processedAt: Date;
  workflowId: string;
}

export const ProcessedKeywordSchema = new EntitySchema<ProcessedKeywordRow>({
  name: 'ProcessedKeyword',
  tableName: 'processed_keywords',
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    platform: { type: 'string' },
    keyword: { type: 'string' },
    day: { type: 'string', columnType: 'date' },
    searchVolume: { type: 'integer', nullable: true },
    competition: { type: 'double', nullable: true },
    cpc: { type: 'double', nullable: true },
    trendScore: { type: 'double', nullable: true },
    difficultyScore: { type: 'double', nullable: true },
    opportunityScore: { type: 'double', nullable: true },
    relatedKeywords: { type: 'json' },
    category: { type: 'string', nullable: true },
    clusterId: { type: 'integer', nullable: true },
    processedAt: { type: 'datetime', columnType: 'timestamptz' },
    workflowId: { type: 'string' },
  },
});

export interface KeywordClusterRow {
  day: string;
  clusterId: number;
  label: string;
  topTerms: string[];
  size: number;
  workflowId: string;
  createdAt: Date;
}

export const KeywordClusterSchema = new EntitySchema<KeywordClusterRow>({
  name: 'KeywordCluster',
  tableName: 'keyword_clusters',
  properties: {
    day: { type: 'string', columnType: 'date', primary: true },
    clusterId: { type: 'integer', primary: true },
    label: { type: 'string' },
    topTerms: { type: 'json' },
    size: { type: 'integer' },
    workflowId: { type: 'string' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});

export interface TrendAnalysisRow {
  id: string;
  createdAt: Date;
  platform: string | null;
  windowFrom: string;
  windowTo: string;
  observations: number;
  forecastMape: number | null;
  analysis: Record<string, unknown>;
  keywordTrends: Record<string, unknown> | null;
  workflowId: string;
}

export const TrendAnalysisSchema = new EntitySchema<TrendAnalysisRow>({
  name: 'TrendAnalysis',
  tableName: 'trend_analyses',
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    platform: { type: 'string', nullable: true },
    windowFrom: { type: 'string', columnType: 'date' },
    windowTo: { type: 'string', columnType: 'date' },
    observations: { type: 'integer' },
    forecastMape: { type: 'double', nullable: true },
    analysis: { type: 'json' },
    keywordTrends: { type: 'json', nullable: true },
    workflowId: { type: 'string' },
  },
});

export interface ModelVersionRow {
  version: number;
  createdAt: Date;
  algorithm: string;
  target: string;
  features: string[];
  horizonDays: number;
  trainingFrom: string | null;
  trainingTo: string | null;
  metrics: ModelMetrics;
  featureRanges: TrainedSuccessModel['featureRanges'];
  forest: SerializedForest;
  workflowId: string;
}

export const ModelVersionSchema = new EntitySchema<ModelVersionRow>({
  name: 'ModelVersion',
  tableName: 'model_versions',
  properties: {
    version: { type: 'integer', primary: true, autoincrement: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    algorithm: { type: 'string' },
    target: { type: 'string' },
    features: { type: 'json' },
    horizonDays: { type: 'integer' },
    trainingFrom: { type: 'string', columnType: 'date', nullable: true },
    trainingTo: { type: 'string', columnType: 'date', nullable: true },
    metrics: { type: 'json' },
    featureRanges: { type: 'json' },
    // loaded only to predict: lazy keeps GET /models light
    forest: { type: 'json', lazy: true },
    workflowId: { type: 'string' },
  },
});

export const insightEntities = [ProcessedKeywordSchema, KeywordClusterSchema, TrendAnalysisSchema, ModelVersionSchema];
