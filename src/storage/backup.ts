// Backup and restore of the database files. Keys are never part of a backup: they live in the key directory.
import { spawn } from 'node:child_process';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, basename } from 'node:path';
import * as tar from 'tar';

/** PGlite: a gzipped tar of the data directory, taken while the caller holds the data-directory lock. */
export async function backupDirectory(directory: string, file: string): Promise<void> {
  await tar.create({ gzip: true, file, cwd: dirname(directory), portable: true }, [basename(directory)]);
}

/** Restores a directory backup in place of `directory`; the old one is kept beside it until the end. */
export async function restoreDirectory(file: string, directory: string): Promise<void> {
  const parent = dirname(directory);
  const staging = `${directory}.restoring`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true, mode: 0o700 });
  await tar.extract({ file, cwd: staging });
  const [root] = await readdir(staging);
  if (root === undefined) throw new Error(`backup ${file} is empty`);
  const previous = `${directory}.before-restore`;
  await rm(previous, { recursive: true, force: true });
  await rename(directory, previous).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await mkdir(parent, { recursive: true });
  await rename(`${staging}/${root}`, directory);
  await rm(staging, { recursive: true, force: true });
  await rm(previous, { recursive: true, force: true });
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

/** PostgreSQL: pg_dump in custom format; pg_restore --clean brings it back. */
export const backupPostgres = (url: string, file: string) =>
  run('pg_dump', ['--format=custom', `--file=${file}`, url]);
export const restorePostgres = (url: string, file: string) =>
  run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${url}`, file]);
