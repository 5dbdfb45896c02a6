// What test/helpers/global-setup.ts provides to every test file (read it with inject or env.ts).
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    databaseUrl: string;
    temporalCliPath: string;
  }
}
