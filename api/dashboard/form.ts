// The parsed form of a POST, read once by the dashboard's guard (routes.tsx) and kept on the context.
import type { Context } from 'hono';
import type { Json } from './in-process';
import type { DashEnv } from './session';

export const formOf = (c: Context<DashEnv>): Json => c.get('form') ?? {};
