// Loads the Kubernetes API test double's fixture cluster, so the signals are
// tested against the same realistic objects the portal shows.
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KubeObject } from './types';

const FIXTURES = path.resolve(
  __dirname,
  '../../../../packages/kubernetes-api-test-double/fixtures',
);

let cache: KubeObject[] | undefined;

export function fixtureObjects(): KubeObject[] {
  if (!cache) {
    cache = fs
      .readdirSync(FIXTURES)
      .filter(f => /\.ya?ml$/.test(f))
      .sort()
      .flatMap(f =>
        parseAllDocuments(fs.readFileSync(path.join(FIXTURES, f), 'utf8'))
          .map(d => d.toJSON())
          .filter(Boolean),
      );
  }
  return cache;
}

export const ofKind = (kind: string) =>
  fixtureObjects().filter(o => o.kind === kind);

/** The component's objects, selected as the Kubernetes plugin does. */
export const componentObjects = (id: string) =>
  fixtureObjects().filter(
    o =>
      o.metadata?.labels?.['backstage.io/kubernetes-id'] === id &&
      [
        'Pod',
        'Deployment',
        'StatefulSet',
        'DaemonSet',
        'HorizontalPodAutoscaler',
        'PodDisruptionBudget',
      ].includes(o.kind ?? ''),
  );

/** The fixture snapshot's time, plus a little. */
export const FIXTURE_NOW = new Date('2026-11-21T05:00:00Z');
