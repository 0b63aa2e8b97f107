import {
  compositionDetails,
  CrossplaneClaimDetails,
  CrossplaneClaimView,
  CrossplanePanel,
  findXrd,
  flattenTree,
  functionsForSteps,
  groupOf,
  providersForGroups,
  revisionInfo,
  xrdInfo,
} from '@paved/plugin-paved-common';
import { ClusterReader } from '../clusters/ClusterReader';
import { clusterStatusOf, ClusterTimeoutError } from '../clusters/errors';
import { listPath } from '../clusters/paths';
import { ApiDiscovery, objectPath } from './discovery';

const XP = 'apiextensions.crossplane.io';
const PKG = 'pkg.crossplane.io';

/**
 * What stands behind an entity's claims in one cluster: the XRD, the
 * Composition and its revision, the providers the managed resources use and
 * the Functions the pipeline calls. Read as the user, through discovery;
 * each object type is listed once per cluster and shared by every claim, and
 * one refused type (a 403 on Providers) fails its panel only.
 */
export class ClaimDetailsReader {
  private readonly discovery: ApiDiscovery;
  private readonly lists = new Map<string, Promise<any[]>>();

  constructor(private readonly reader: ClusterReader) {
    this.discovery = new ApiDiscovery(path => this.get(path));
  }

  private get(path: string): Promise<any> {
    return this.reader.get(path);
  }

  /** Every object of a cluster-scoped kind, listed once per read. */
  private listAll(group: string, kind: string): Promise<any[]> {
    const key = `${kind}.${group}`;
    let found = this.lists.get(key);
    if (!found) {
      found = (async () => {
        const served = await this.discovery.byGroupKind(group, kind);
        return this.reader.listAll(
          listPath(served.group, served.version, served.plural),
        );
      })();
      this.lists.set(key, found);
    }
    return found;
  }

  /** A panel from `work`, or the reason it could not be read; timeouts end the cluster. */
  private async panel<T>(
    what: string,
    work: () => Promise<T>,
  ): Promise<CrossplanePanel<T>> {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      if (
        error instanceof ClusterTimeoutError ||
        this.reader.ctx.signal?.aborted
      ) {
        throw error;
      }
      const statusCode = clusterStatusOf(error);
      const message = error instanceof Error ? error.message : String(error);
      let problem = message;
      if (statusCode === 403)
        problem = `not allowed to read ${what}: ${message}`;
      if (statusCode === 404) problem = `${what} not found`;
      return {
        ok: false,
        problem,
        ...(statusCode ? { statusCode } : {}),
      };
    }
  }

  async read(claims: CrossplaneClaimView[]): Promise<CrossplaneClaimDetails[]> {
    // Before anything else: a cluster that cannot serve discovery is down.
    await this.discovery.groupNames();
    return Promise.all(claims.map(claim => this.claim(claim)));
  }

  private async claim(
    claim: CrossplaneClaimView,
  ): Promise<CrossplaneClaimDetails> {
    const root = claim.root;
    const composite =
      claim.shape === 'v1-claim'
        ? root.children.find(c => c.role === 'composite')
        : root;
    // The composite's kind names its XRD; a claim's kind does too (claimNames).
    const typed = composite && composite.state !== 'missing' ? composite : root;
    const compositionName = claim.composition?.name;
    const revisionName = claim.compositionRevision?.name;
    const managedGroups = flattenTree(root)
      .filter(n => n.role === 'managed')
      .map(n => groupOf(n.ref.apiVersion));

    const [xrd, composition, compositionRevision, providers] =
      await Promise.all([
        this.panel('CompositeResourceDefinitions', async () => {
          const group = groupOf(typed.ref.apiVersion);
          const found = findXrd(
            await this.listAll(XP, 'CompositeResourceDefinition'),
            group,
            typed.ref.kind,
          );
          if (!found) {
            throw new Error(
              `no CompositeResourceDefinition defines ${typed.ref.kind}.${group}`,
            );
          }
          return xrdInfo(found);
        }),
        compositionName
          ? this.panel(`Composition ${compositionName}`, async () => {
              const served = await this.discovery.byGroupKind(
                XP,
                'Composition',
              );
              return compositionDetails(
                await this.get(objectPath(served, compositionName)),
              );
            })
          : undefined,
        revisionName
          ? this.panel(`CompositionRevision ${revisionName}`, async () => {
              const served = await this.discovery.byGroupKind(
                XP,
                'CompositionRevision',
              );
              const rev = await this.get(objectPath(served, revisionName));
              const owner =
                rev?.metadata?.labels?.['crossplane.io/composition-name'];
              // Siblings only say which revision is newest: not worth failing for.
              const siblings = owner
                ? await this.listAll(XP, 'CompositionRevision')
                    .then(all =>
                      all.filter(
                        r =>
                          r?.metadata?.labels?.[
                            'crossplane.io/composition-name'
                          ] === owner,
                      ),
                    )
                    .catch(() => [])
                : [];
              return revisionInfo(rev, siblings);
            })
          : undefined,
        this.panel('Providers', async () => {
          if (managedGroups.length === 0) {
            return { providers: [], unmatchedGroups: [] };
          }
          const [providerList, revisions] = await Promise.all([
            this.listAll(PKG, 'Provider'),
            this.listAll(PKG, 'ProviderRevision'),
          ]);
          return providersForGroups(managedGroups, providerList, revisions);
        }),
      ]);

    const steps =
      composition?.ok && composition.value.mode === 'Pipeline'
        ? composition.value.steps
        : undefined;
    const functions = steps
      ? await this.panel('Functions', async () =>
          functionsForSteps(steps, await this.listAll(PKG, 'Function')),
        )
      : undefined;

    return {
      claim: root.ref,
      xrd,
      ...(composition ? { composition } : {}),
      ...(compositionRevision ? { compositionRevision } : {}),
      providers,
      ...(functions ? { functions } : {}),
    };
  }
}
