import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ADR_KIND,
  ADR_STATUSES,
  decisionsAbout,
  findBlockedItems,
  isAdrEntity,
  isRoadmapEntity,
  ROADMAP_ITEM_STATUSES,
  ROADMAP_KIND,
  RoadmapEntityV1alpha1,
} from '@paved/plugin-paved-common';
import { entityAsUser } from '../service/entityAsUser';
import { userCredentials } from './asUser';
import { entityRefSchema, READ_ONLY, Zod } from './schemas';

const itemStatus = (z: Zod) =>
  z.enum(ROADMAP_ITEM_STATUSES as unknown as [string, ...string[]]);

/**
 * ADRs about an entity, and what is blocked on roadmaps: the Decisions page
 * and the roadmap card, read from the catalog with the caller's own
 * credentials, so the catalog's permissions decide what they see, as in the
 * browser. Like every Paved read, for a signed-in user only.
 */
export function registerCatalogActions(
  registry: ActionsRegistryService,
  deps: { catalog: CatalogService },
): void {
  const { catalog } = deps;

  registry.register({
    name: 'find-adrs-by-subject',
    title: 'ADRs about an entity',
    description:
      'The Architecture Decision Records that decide about a component, system, resource or roadmap (their decidesAbout relation), newest first, as the Decisions page lists them: number, title, status, date, owner and everything each decides about. Optionally only one status, e.g. accepted. Only ADRs the caller may see in the catalog.',
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          subject: entityRefSchema(
            z,
            'The entity decided about, as kind:namespace/name (e.g. component:default/payments-api)',
          ),
          status: z
            .enum(ADR_STATUSES as unknown as [string, ...string[]])
            .optional()
            .describe('Only ADRs in this status'),
        }),
      output: z =>
        z.object({
          subject: z.string(),
          decisions: z.array(
            z.object({
              ref: z.string(),
              title: z.string(),
              number: z.number().optional(),
              status: z.string(),
              date: z.string().optional(),
              owner: z.string().optional(),
              about: z.array(z.string()),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'Accepted decisions about payments-api',
        input: {
          subject: 'component:default/payments-api',
          status: 'accepted',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const user = userCredentials(credentials);
      const subject = stringifyEntityRef(
        parseEntityRef(input.subject, { defaultNamespace: 'default' }),
      );
      const { items } = await catalog.getEntities(
        { filter: { kind: ADR_KIND } },
        { credentials: user },
      );
      return {
        output: {
          subject,
          decisions: decisionsAbout(
            items.filter(isAdrEntity),
            subject,
            input.status,
          ),
        },
      };
    },
  });

  registry.register({
    name: 'list-blocked-roadmap-items',
    title: 'Blocked roadmap items',
    description:
      "Roadmap items that cannot move, as the roadmap card's Blocked list shows them: items marked blocked, or waiting on an item that is not done or dropped, each with its phase and what it waits on (dependencies in other roadmaps are listed without a status). For one roadmap, or for every roadmap the caller may see in the catalog.",
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          roadmapRef: entityRefSchema(
            z,
            'One roadmap, as roadmap:namespace/name; every visible roadmap when not given',
          ).optional(),
        }),
      output: z =>
        z.object({
          roadmaps: z.array(
            z.object({
              roadmapRef: z.string(),
              title: z.string(),
              blocked: z.array(
                z.object({
                  phase: z.string(),
                  item: z
                    .object({
                      id: z.string(),
                      title: z.string(),
                      status: itemStatus(z),
                      dependsOn: z.array(z.string()).optional(),
                    })
                    .passthrough(),
                  blockedBy: z.array(
                    z.object({
                      id: z.string(),
                      title: z.string().optional(),
                      status: itemStatus(z).optional(),
                    }),
                  ),
                }),
              ),
            }),
          ),
        }),
    },
    examples: [
      {
        title: "What is blocked on the platform's roadmap",
        input: { roadmapRef: 'roadmap:default/paved-roadmap' },
      },
    ],
    action: async ({ input, credentials }) => {
      const user = userCredentials(credentials);
      let roadmaps: RoadmapEntityV1alpha1[];
      if (input.roadmapRef) {
        const entity = await entityAsUser(
          catalog,
          parseEntityRef(input.roadmapRef, { defaultNamespace: 'default' }),
          user,
        );
        if (!isRoadmapEntity(entity)) {
          throw new InputError(
            `roadmapRef: ${stringifyEntityRef(entity)} is a ${
              entity.kind
            }, not a ${ROADMAP_KIND}`,
          );
        }
        roadmaps = [entity];
      } else {
        const { items } = await catalog.getEntities(
          { filter: { kind: ROADMAP_KIND } },
          { credentials: user },
        );
        roadmaps = items.filter(isRoadmapEntity);
      }
      return {
        output: {
          roadmaps: roadmaps.map(roadmap => ({
            roadmapRef: stringifyEntityRef(roadmap),
            title: roadmap.metadata.title ?? roadmap.metadata.name,
            blocked: findBlockedItems(roadmap.spec.phases ?? []),
          })),
        },
      };
    },
  });
}
