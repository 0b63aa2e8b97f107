import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  costAlertKey,
  CostAlertsResponse,
  parseCostAlertId,
  parseSnoozeUntil,
  pavedCostAlertManagePermission,
  pavedCostReadPermission,
} from '@paved/plugin-paved-common';
import express, { Request, Router } from 'express';
import { AuthorizeRead } from '../clusters/ClusterReadRequest';
import { entityAsUser } from '../entityAsUser';
import { CostAlertStore, StoredCostAlert } from './CostAlertStore';

type Authorize = AuthorizeRead<
  typeof pavedCostReadPermission | typeof pavedCostAlertManagePermission
>;

const publicRecord = ({
  version: _version,
  claim: _claim,
  ...record
}: StoredCostAlert) => record;

/** Input errors from the pure parsers become 400s with their message. */
function input<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof TypeError) throw new InputError(e.message);
    throw e;
  }
}

/**
 * The alert routes, as the signed-in user:
 * - `GET /cost/alerts/:namespace/:kind/:name`: the entity's alerts that hold
 *   now (`paved.cost.read` on the entity);
 * - `POST .../:alert/snooze` with `{ "until": "<ISO instant>" }` and
 *   `POST .../:alert/dismiss` (`paved.cost.alert.manage` on the entity,
 *   which the portal's policy grants to its owners), `:alert` being
 *   `<kind>:<period>` as the GET lists it.
 */
export function addCostAlertRoutes(
  router: Router,
  authorize: Authorize,
  deps: {
    store: CostAlertStore;
    catalog: CatalogService;
    now?: () => Date;
  },
): void {
  const now = () => deps.now?.() ?? new Date();
  const entityRefOf = async (
    req: Request,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ) => {
    const { namespace, kind, name } = req.params;
    // As the user: an entity they cannot see is a 404.
    const entity = await entityAsUser(
      deps.catalog,
      { namespace, kind, name },
      credentials,
    );
    return stringifyEntityRef(entity);
  };

  router.get('/cost/alerts/:namespace/:kind/:name', async (req, res) => {
    const { credentials } = await authorize(req, pavedCostReadPermission);
    const entityRef = await entityRefOf(req, credentials);
    const body: CostAlertsResponse = {
      entityRef,
      alerts: (await deps.store.activeFor(entityRef)).map(publicRecord),
    };
    res.json(body);
  });

  const manage = (
    action: 'snooze' | 'dismiss',
    apply: (
      key: string,
      by: string,
      body: Record<string, unknown>,
    ) => Promise<boolean>,
  ) =>
    router.post(
      `/cost/alerts/:namespace/:kind/:name/:alert/${action}`,
      express.json({ limit: '4kb' }),
      async (req, res) => {
        const { credentials } = await authorize(
          req,
          pavedCostAlertManagePermission,
        );
        const { kind, period } = input(() =>
          parseCostAlertId(req.params.alert),
        );
        const entityRef = await entityRefOf(req, credentials);
        const key = costAlertKey(entityRef, kind, period);
        const body =
          req.body && typeof req.body === 'object' && !Array.isArray(req.body)
            ? (req.body as Record<string, unknown>)
            : {};
        if (!(await apply(key, credentials.principal.userEntityRef, body))) {
          throw new NotFoundError(
            `No active ${kind} alert for ${entityRef} in ${period}`,
          );
        }
        res.json(publicRecord((await deps.store.get(key))!));
      },
    );

  manage('snooze', async (key, by, body) => {
    const until = input(() => parseSnoozeUntil(body.until, now()));
    return deps.store.snooze(key, until, by);
  });
  manage('dismiss', (key, by) => deps.store.dismiss(key, by, now()));
}
