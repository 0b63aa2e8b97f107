import type { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRefPartProblem } from '../service/entityAsUser';

/**
 * The zod the registry hands to schema functions (its own `zod/v3`), typed
 * without Paved depending on zod itself.
 */
export type Zod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

/**
 * Why `value` cannot name a catalog entity as `kind:namespace/name` (the
 * namespace defaults to `default`), or `undefined` when it can.
 */
export function entityRefProblem(value: string): string | undefined {
  let ref;
  try {
    ref = parseEntityRef(value, { defaultNamespace: 'default' });
  } catch (e) {
    return `${
      (e as Error).message
    }; write it as kind:namespace/name, e.g. component:default/payments-api`;
  }
  for (const part of ['kind', 'namespace', 'name'] as const) {
    const problem = entityRefPartProblem(ref[part]);
    if (problem) return `${part}: ${problem}`;
  }
  return undefined;
}

/** An entity ref input; a bad one is a 400 naming the field and why. */
export const entityRefSchema = (z: Zod, description: string) =>
  z
    .string()
    .min(1)
    .describe(description)
    .superRefine((value, ctx) => {
      const problem = entityRefProblem(value);
      if (problem)
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    });

/** Why one cluster could not answer (`ClusterError` in paved-common). */
const clusterErrorSchema = (z: Zod) =>
  z
    .object({
      name: z.string(),
      message: z.string(),
      statusCode: z.number().optional(),
    })
    .passthrough();

/**
 * One cluster's answer, as the cards read it: its data under `health`, or
 * why there is none. The data passes through unchanged (its own schema is
 * the paved-common type named in each action's description), so an agent
 * gets exactly what the card shows.
 */
export const clusterResultSchema = (
  z: Zod,
  data: Parameters<Zod['array']>[0],
) =>
  z.discriminatedUnion('ok', [
    z
      .object({
        cluster: z.string(),
        ok: z.literal(true),
        data,
        apiLatency: z.object({}).passthrough().optional(),
      })
      .passthrough(),
    z
      .object({
        cluster: z.string(),
        ok: z.literal(false),
        error: clusterErrorSchema(z),
        apiLatency: z.object({}).passthrough().optional(),
      })
      .passthrough(),
  ]);

/** A health problem as the cards list it (`HealthProblem` in paved-common). */
export const problemSchema = (z: Zod) =>
  z
    .object({
      id: z.string(),
      signal: z.string(),
      severity: z.enum(['critical', 'warning', 'info']),
      reason: z.string(),
      message: z.string(),
      runbook: z
        .object({ id: z.string(), title: z.string(), url: z.string() })
        .optional(),
    })
    .passthrough();

/**
 * A service's answer as an action's output. The registry checks it against
 * the output schema when the action returns; the compiler cannot, because
 * paved-common's interfaces lack the index signature zod's `passthrough`
 * types carry.
 */
export const asOutput = (answer: object): any => answer;

/** Paved's actions only read: every one declares it. */
export const READ_ONLY = {
  destructive: false,
  readOnly: true,
  idempotent: true,
} as const;
