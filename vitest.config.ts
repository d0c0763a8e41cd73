import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: unit tests beside the code (pure, parallel) and integration tests in test/
// that share one real Neo4j started by the global setup, so they run one file at a time.
export const config = defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) twins. Node loads the CJS one for type-graphql
    // and Apollo; without this, Vite hands our sources the ESM one and graphql-js refuses to mix
    // types "from another module or realm".
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // test/reference holds the second, independent implementations the engine is held against: pure, no database.
          include: ['src/**/*.test.ts', 'test/reference/**/*.test.ts'],
          environment: 'node',
          // The property tests run hundreds of random graphs: seconds on an idle machine, more on a busy CI runner.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/reference/**'],
          environment: 'node',
          globalSetup: ['test/setup/neo4j.ts'],
          // The files share one database, so they run one after another in a single fork.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});

export default config;
