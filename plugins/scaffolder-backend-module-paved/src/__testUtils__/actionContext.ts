import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A hand-made action context (no scaffolder-node-test-utils here). */
export async function makeContext<I>(
  input: I,
  opts: { isDryRun?: boolean } = {},
) {
  const workspacePath = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-ws-'));
  const outputs: Record<string, unknown> = {};
  const ctx = {
    input,
    workspacePath,
    logger: mockServices.logger.mock(),
    output: (k: string, v: unknown) => {
      outputs[k] = v;
    },
    createTemporaryDirectory: () =>
      fs.mkdtemp(path.join(os.tmpdir(), 'paved-tmp-')),
    checkpoint: async ({ fn }: { fn: () => unknown }) => fn(),
    getInitiatorCredentials: async () => ({} as any),
    task: { id: 'task-1' },
    isDryRun: opts.isDryRun ?? false,
  };
  return { ctx: ctx as any, outputs, workspacePath };
}

export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, {
    withFileTypes: true,
    recursive: true,
  })) {
    if (e.isFile())
      out.push(path.relative(dir, path.join(e.parentPath, e.name)));
  }
  return out.sort();
}
