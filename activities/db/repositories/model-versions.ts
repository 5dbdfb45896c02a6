// model_versions: every statement on the table. Versions are only added; the forest is loaded only to predict.
import type { EntityManager } from '@mikro-orm/postgresql';
import { ModelVersionSchema, type ModelVersion } from '../entities';

/** Stores a trained model; returns its version number. */
export async function insertModelVersion(em: EntityManager, model: Omit<ModelVersion, 'version'>): Promise<number> {
  return Number(await em.insert(ModelVersionSchema, model as ModelVersion));
}

/** The newest versions first, without their forests. */
export async function listModelVersions(em: EntityManager, limit: number): Promise<Omit<ModelVersion, 'forest'>[]> {
  return em.find(ModelVersionSchema, {}, { orderBy: { version: 'desc' }, limit });
}

/** The number of the given version, or of the newest when none is given; null when there is no such version. */
export async function findModelVersionNumber(em: EntityManager, version?: number): Promise<number | null> {
  const row = await em.findOne(ModelVersionSchema, version ? { version } : { version: { $gt: 0 } }, {
    orderBy: { version: 'desc' },
    fields: ['version'],
  });
  return row?.version ?? null;
}

/** A version with its forest, to predict with. */
export async function loadModelVersion(em: EntityManager, version: number): Promise<ModelVersion> {
  return em.findOneOrFail(ModelVersionSchema, { version }, { populate: ['forest'] });
}
