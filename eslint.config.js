// Lint rules: type-aware checks plus import boundaries that keep the layers pointing one way.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { curtainPlugin } from './eslint-rules/no-sql-outside-data-modules.js';

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'net', 'http'];

export default tseslint.config(
  {
    ignores: ['node_modules/', '.curtain/', '.curtain-bench/', 'bin/', 'coverage/', 'tmp/', '**/dist/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'core/ is pure: no I/O.' },
            {
              group: ['**/storage/**', '**/vault/**', '**/http/**', '**/cli/**', '**/hub/**'],
              message: 'core/ depends on nothing.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/language/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'language/ is pure: no I/O.' },
            {
              group: [
                '**/storage/**',
                '**/vault/**',
                '**/privacy/**',
                '**/http/**',
                '**/cli/**',
                '**/audit/**',
                '**/hub/**',
              ],
              message: 'language/ depends on core/ only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**/*.ts', 'src/privacy/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/vault/**', '**/hub/**', '**/http/**', '**/cli/**'],
              message: 'Dependencies point one way.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/vault/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/**', '**/cli/**', '**/main.ts', '**/hub/**'],
              message: 'Dependencies point one way; the vault knows nothing of the hub.',
            },
          ],
        },
      ],
    },
  },
  {
    // The hub reaches the vault only through core/vault-door.ts: never vault internals, the log or its tables.
    files: ['src/hub/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/vault/**',
                '**/audit/**',
                '**/http/**',
                '**/cli/**',
                '**/main.ts',
                '**/dp/**',
                '**/guard/**',
              ],
              message: 'The hub reaches the vault only through the VaultDoor (core/vault-door.ts).',
            },
            {
              regex: '/storage/(?!ports\\.ts$|postgres-core/migrations/0007-hub\\.ts$)',
              message: 'The hub uses the storage port and its own schema only (hub/hub-storage.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/audit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/hub/**', '**/http/**', '**/cli/**'], message: 'Dependencies point one way.' },
          ],
        },
      ],
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  // SQL only in data modules: storage (and its migrations), the SQL compiler, the vault's and the hub's own
  // modules, and any *-store.ts; routes, the CLI, the demo room and app/ call methods named for their answer.
  {
    files: ['src/**/*.ts'],
    ignores: [
      'src/storage/**',
      'src/language/sql/**',
      'src/vault/**',
      'src/hub/**',
      'src/**/*-store.ts',
      'src/**/*.test.ts',
    ],
    plugins: { curtain: curtainPlugin },
    rules: { 'curtain/no-sql-outside-data-modules': 'error' },
  },
  { files: ['eslint-rules/**'], ...tseslint.configs.disableTypeChecked },
);
