// The installed tree as `engines` promises it, and `dependencies` as the compiled program needs it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
};
const lockfile = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

/** The modules `npm run build` compiles into dist/: the program as it ships. */
function programModules(): string[] {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.build.json'), {}, host);
  if (parsed === undefined || parsed.errors.length > 0) throw new Error('tsconfig.build.json does not parse');
  return parsed.fileNames;
}

/** `pg` of 'pg', `@fastify/static` of '@fastify/static/x'; undefined for a relative path or a Node built-in. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('dependencies', () => {
  it('are installed in versions that all support the oldest Node that `engines` admits', () => {
    const oldest = semver.minVersion(manifest.engines.node)!.version;
    expect(oldest).toBe('20.19.0');
    const excluding = Object.entries(lockfile.packages)
      .filter(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return path !== '' && range !== undefined && !semver.satisfies(oldest, range);
      })
      .map(([path, entry]) => `${path}@${entry.version ?? '?'}`);
    expect(excluding).toEqual([]);
  });

  it('hold exactly the packages that the compiled program imports', () => {
    const imported = new Set<string>();
    for (const file of programModules()) {
      for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
        const name = packageOf(fileName);
        if (name !== undefined) imported.add(name);
      }
    }
    expect([...imported].sort()).toEqual(Object.keys(manifest.dependencies).sort());
  });
});
