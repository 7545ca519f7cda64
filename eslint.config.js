// Lint rules: type-aware checks, one import rule per room (so that dependencies point one way, STYLE.md), and size
// limits. Import cycles are found by dependency-cruiser (.dependency-cruiser.js), which also sees type-only imports.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import { curtainPlugin } from './eslint-rules/no-sql-outside-data-modules.js';

const unitTests = 'src/**/*.test.ts';

/** The rooms under src/ (demo/ aside: its rule is noDemo below). A room's rule lists the rooms it may not import. */
const rooms = [
  'core',
  'config',
  'keys',
  'language',
  'privacy',
  'storage',
  'audit',
  'vault',
  'hub',
  'edge',
  'federated',
];
const outer = ['http', 'cli', 'app'];

/** Import patterns that reach into the named rooms (or into folders of that name, e.g. privacy's dp/ and guard/). */
const into = (...names) => names.map((name) => `**/${name}/**`);

/** Every room except the ones listed. */
const allBut = (...allowed) => [...rooms, ...outer].filter((name) => !allowed.includes(name));

const noDemo = {
  group: into('demo'),
  message:
    'Production code never imports demo/: only app/ decides to call it (tests, benchmarks and scripts may).',
};

const nodeBuiltins = (roomName) => ({
  paths: builtinModules.map((name) => ({ name, message: `${roomName}/ is pure: no I/O, no node builtins.` })),
  patterns: [{ group: ['node:*'], message: `${roomName}/ is pure: no I/O, no node builtins.` }],
});

/**
 * One room's import rule. `forbidden` lists no-restricted-imports patterns, each with the message that states the
 * rule; production modules also may not import demo/, while the room's unit tests (beside the code) may. ESLint
 * does not merge a rule's options across blocks, so each room's rule is whole here and rooms do not overlap.
 */
function room(name, { forbidden, pure = false }) {
  const files = [`src/${name}/**/*.ts`];
  const builtins = pure ? nodeBuiltins(name) : { paths: [], patterns: [] };
  const rule = (patterns) => [
    'error',
    { paths: builtins.paths, patterns: [...builtins.patterns, ...forbidden, ...patterns] },
  ];
  return [
    {
      name: `layers/${name}`,
      files,
      ignores: [unitTests],
      rules: { 'no-restricted-imports': rule([noDemo]) },
    },
    {
      name: `layers/${name} (unit tests)`,
      files: [`src/${name}/**/*.test.ts`],
      rules: { 'no-restricted-imports': rule([]) },
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.curtain/',
      '.curtain-bench/',
      'bin/',
      'coverage/',
      'tmp/',
      // Generated from the OpenAPI document (npm run api:types); checked for staleness by a test instead.
      'console/src/api/schema.gen.ts',
      '**/dist/',
      'reports/',
      '.stryker-tmp/',
    ],
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

  // Layers: core ← language/privacy/storage/audit ← vault/hub ← http/cli ← app, and demo/ called only by app/.
  {
    // Any production module outside the rooms below (a new room, say) still may not import demo/.
    name: 'layers/demo is for app only',
    files: ['src/**/*.ts'],
    ignores: [unitTests, 'src/app/**', 'src/demo/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noDemo] }] },
  },
  ...room('core', {
    pure: true,
    forbidden: [{ group: into(...allBut('core')), message: 'core/ depends on nothing.' }],
  }),
  ...room('config', {
    forbidden: [{ group: into(...allBut('core', 'config')), message: 'config/ depends on core/ only.' }],
  }),
  ...room('keys', {
    forbidden: [{ group: into(...allBut('core', 'keys')), message: 'keys/ depends on core/ only.' }],
  }),
  ...room('language', {
    pure: true,
    forbidden: [{ group: into(...allBut('core', 'language')), message: 'language/ depends on core/ only.' }],
  }),
  ...room('privacy', {
    forbidden: [
      {
        group: into(...allBut('core', 'keys', 'privacy', 'storage')),
        message: 'privacy/ may import core/, keys/ and the storage port only.',
      },
      {
        regex: '/storage/(?!ports\\.ts$)',
        message: 'privacy/ uses the storage port (storage/ports.ts) only.',
      },
    ],
  }),
  ...room('storage', {
    forbidden: [
      {
        group: into('language', 'privacy', 'audit', 'vault', 'hub', ...outer),
        message: 'storage/ holds ports and engines: it depends on core/ (and keys/, config/) only.',
      },
    ],
  }),
  ...room('audit', {
    forbidden: [
      {
        group: into('vault', 'hub', ...outer),
        message:
          'The transparency log knows no vault internals: audit/ never imports vault/, hub/, http/, cli/ or app/.',
      },
    ],
  }),
  ...room('vault', {
    forbidden: [
      {
        group: into('hub', ...outer),
        message: 'Dependencies point one way; the vault knows nothing of the hub, http/, cli/ or app/.',
      },
    ],
  }),
  ...room('hub', {
    // The hub reaches the vault only through core/vault-door.ts: never vault internals, the log or its tables.
    forbidden: [
      {
        group: into('vault', 'audit', 'dp', 'guard', ...outer),
        message: 'The hub reaches the vault only through the VaultDoor (core/vault-door.ts).',
      },
      {
        regex: '/storage/(?!ports\\.ts$|postgres-core/migrations/0007-hub\\.ts$)',
        message: 'The hub uses the storage port and its own schema only (hub/hub-storage.ts).',
      },
    ],
  }),
  ...room('edge', {
    // Built for the browser (npm run build:edge): the vault's pure language and engine, nothing that does I/O.
    pure: true,
    forbidden: [
      {
        group: into('config', 'keys', 'privacy', 'storage', 'audit', 'hub', ...outer),
        message: 'edge/ runs on the customer’s device: core/, language/ and the vault’s pure engine only.',
      },
      {
        regex:
          '/vault/(?!questions/columnar/(columnar-(data|engine)|day-numbers|features?|feature-(set|builder|entries)|plan-cost|row-sets|score-columns|transaction-scans)\\.ts$|questions/question-check\\.ts$)',
        message:
          'edge/ imports the vault’s pure question modules only (the columnar engine and the checker).',
      },
    ],
  }),
  ...room('federated', {
    // Federated rounds: the vault's side (models, guard) and the hub's side (relay, unmasking), never the outer rooms.
    forbidden: [
      {
        group: into('hub', ...outer),
        message:
          'federated/ is called by the vault, the hub and app/; it never imports hub/, http/, cli/ or app/.',
      },
    ],
  }),
  ...room('http', {
    forbidden: [
      { group: into('app'), message: 'http/ never imports the composition root (app/): app/ wires it.' },
    ],
  }),
  ...room('cli', {
    forbidden: [
      {
        group: into('app'),
        message: 'cli/ never imports the composition root (app/): app/ hands each command its host.',
      },
    ],
  }),
  ...room('demo', {
    forbidden: [{ group: into('app'), message: 'demo/ is called by app/ and never calls it.' }],
  }),

  // Size: small modules and functions (STYLE.md). Unit tests are exempt: a table of cases is long on purpose.
  {
    name: 'size',
    files: ['src/**/*.ts'],
    ignores: [unitTests],
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },

  {
    files: ['eslint.config.js', '.dependency-cruiser.js'],
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
