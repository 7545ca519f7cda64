// The import rules that keep each room's dependencies pointing one way: one violating import per rule, and the
// imports each room is allowed, fed to the project's eslint.config.js.
import { describe, expect, it } from 'vitest';
import { lintAt } from './lint-text.ts';

interface Case {
  /** A file inside the room (it need not exist). */
  file: string;
  /** What the file imports. */
  source: string;
  /** The rule's message, or null when the import is allowed. */
  refused: RegExp | null;
}

const cases: Case[] = [
  // core/ is pure and depends on nothing.
  { file: 'src/core/fixture.ts', source: 'node:fs', refused: /core\/ is pure: no I\/O/ },
  { file: 'src/core/fixture.ts', source: 'crypto', refused: /core\/ is pure: no I\/O/ },
  { file: 'src/core/fixture.ts', source: '../storage/ports.ts', refused: /core\/ depends on nothing/ },
  { file: 'src/core/fixture.ts', source: '../keys/key-provider.ts', refused: /core\/ depends on nothing/ },
  { file: 'src/core/fixture.ts', source: './result.ts', refused: null },
  { file: 'src/core/fixture.ts', source: 'zod', refused: null },
  // config/ and keys/ depend on core/ only.
  { file: 'src/config/fixture.ts', source: '../vault/vault.ts', refused: /config\/ depends on core\/ only/ },
  {
    file: 'src/config/fixture.ts',
    source: '../keys/key-provider.ts',
    refused: /config\/ depends on core\/ only/,
  },
  { file: 'src/config/fixture.ts', source: '../core/errors.ts', refused: null },
  { file: 'src/config/fixture.ts', source: 'node:path', refused: null },
  { file: 'src/keys/fixture.ts', source: '../storage/ports.ts', refused: /keys\/ depends on core\/ only/ },
  { file: 'src/keys/fixture.ts', source: '../config/paths.ts', refused: /keys\/ depends on core\/ only/ },
  { file: 'src/keys/fixture.ts', source: '../core/errors.ts', refused: null },
  // language/ is pure and depends on core/ only.
  { file: 'src/language/sql/fixture.ts', source: 'node:crypto', refused: /language\/ is pure: no I\/O/ },
  {
    file: 'src/language/fixture.ts',
    source: '../privacy/scrub.ts',
    refused: /language\/ depends on core\/ only/,
  },
  { file: 'src/language/fixture.ts', source: '../core/money.ts', refused: null },
  // privacy/ may import core/, keys/ and the storage port only.
  {
    file: 'src/privacy/guard/fixture.ts',
    source: '../../vault/vault.ts',
    refused: /privacy\/ may import core\//,
  },
  { file: 'src/privacy/fixture.ts', source: '../app/platform.ts', refused: /privacy\/ may import core\// },
  {
    file: 'src/privacy/guard/fixture.ts',
    source: '../../storage/pglite/pglite-storage.ts',
    refused: /privacy\/ uses the storage port/,
  },
  { file: 'src/privacy/guard/fixture.ts', source: '../../storage/ports.ts', refused: null },
  { file: 'src/privacy/guard/fixture.ts', source: '../../core/audit-event.ts', refused: null },
  { file: 'src/privacy/guard/fixture.ts', source: '../../keys/key-provider.ts', refused: null },
  // storage/ holds ports and engines.
  {
    file: 'src/storage/postgres-core/fixture.ts',
    source: '../../audit/audit-log.ts',
    refused: /storage\/ holds/,
  },
  { file: 'src/storage/fixture.ts', source: '../vault/vault.ts', refused: /storage\/ holds/ },
  { file: 'src/storage/postgres-core/fixture.ts', source: '../../core/products.ts', refused: null },
  // audit/ knows no vault internals.
  {
    file: 'src/audit/fixture.ts',
    source: '../vault/identity/identity-store.ts',
    refused: /knows no vault internals/,
  },
  { file: 'src/audit/fixture.ts', source: '../keys/key-provider.ts', refused: null },
  { file: 'src/audit/fixture.ts', source: '../privacy/scrub.ts', refused: null },
  // vault/ knows nothing of the hub, http/, cli/ or app/.
  {
    file: 'src/vault/questions/fixture.ts',
    source: '../../hub/hub-service.ts',
    refused: /the vault knows nothing/,
  },
  { file: 'src/vault/fixture.ts', source: '../http/server.ts', refused: /the vault knows nothing/ },
  { file: 'src/vault/fixture.ts', source: '../app/platform.ts', refused: /the vault knows nothing/ },
  { file: 'src/vault/fixture.ts', source: '../audit/audit-log.ts', refused: null },
  { file: 'src/vault/fixture.ts', source: '../language/parser.ts', refused: null },
  // hub/ reaches the vault only through the door, and its own schema only.
  { file: 'src/hub/fixture.ts', source: '../vault/vault.ts', refused: /only through the VaultDoor/ },
  { file: 'src/hub/fixture.ts', source: '../privacy/guard/policy.ts', refused: /only through the VaultDoor/ },
  { file: 'src/hub/fixture.ts', source: '../audit/audit-log.ts', refused: /only through the VaultDoor/ },
  {
    file: 'src/hub/fixture.ts',
    source: '../storage/pglite/pglite-storage.ts',
    refused: /its own schema only/,
  },
  { file: 'src/hub/fixture.ts', source: '../core/vault-door.ts', refused: null },
  { file: 'src/hub/fixture.ts', source: '../storage/ports.ts', refused: null },
  { file: 'src/hub/fixture.ts', source: '../storage/postgres-core/migrations/0007-hub.ts', refused: null },
  // http/ and cli/ never import the composition root.
  {
    file: 'src/http/vault/fixture.ts',
    source: '../../app/vault-process.ts',
    refused: /http\/ never imports/,
  },
  { file: 'src/http/fixture.ts', source: '../vault/vault.ts', refused: null },
  { file: 'src/cli/fixture.ts', source: '../app/cli-host.ts', refused: /cli\/ never imports/ },
  { file: 'src/cli/fixture.ts', source: '../hub/hub-service.ts', refused: null },
  // demo/ is called by app/ only: no production module imports it; app/, tests, benchmarks and scripts may.
  { file: 'src/demo/fixture.ts', source: '../app/platform.ts', refused: /demo\/ is called by app\// },
  { file: 'src/demo/fixture.ts', source: '../vault/vault.ts', refused: null },
  { file: 'src/vault/fixture.ts', source: '../demo/demo-hub.ts', refused: /never imports demo\// },
  { file: 'src/http/fixture.ts', source: '../demo/demo-sign-in.ts', refused: /never imports demo\// },
  { file: 'src/cli/fixture.ts', source: '../demo/demo-commands.ts', refused: /never imports demo\// },
  { file: 'src/keys/fixture.ts', source: '../demo/demo-hub.ts', refused: /never imports demo\// },
  { file: 'src/edge/fixture.ts', source: '../demo/demo-hub.ts', refused: /never imports demo\// },
  { file: 'src/app/fixture.ts', source: '../demo/demo-hub.ts', refused: null },
  { file: 'src/vault/fixture.test.ts', source: '../demo/demo-hub.ts', refused: null },
  { file: 'test/fixture.test.ts', source: '../src/demo/demo-hub.ts', refused: null },
  { file: 'bench/fixture.ts', source: '../src/demo/generate/generate-bank.ts', refused: null },
];

describe('layer rules', () => {
  it.each(cases)('$file importing $source', async ({ file, source, refused }) => {
    const messages = await lintAt(file, `import * as imported from '${source}';\nexport { imported };\n`);
    if (refused === null) {
      expect(messages).toEqual([]);
    } else {
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ ruleId: 'no-restricted-imports', severity: 2 });
      expect(messages[0]?.message).toMatch(refused);
    }
  });

  it('a unit test beside the code still follows its room rule', async () => {
    const messages = await lintAt(
      'src/core/fixture.test.ts',
      "import * as s from '../storage/ports.ts';\nexport { s };\n",
    );
    expect(messages.map((message) => message.message)).toEqual([
      expect.stringMatching(/core\/ depends on nothing/),
    ]);
  });
});
