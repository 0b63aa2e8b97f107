import { ADR_STATUSES } from '../adr/types';
import { ROADMAP_ITEM_STATUSES } from '../roadmap/types';

// JSON Schema (draft-07) in the shape the catalog's own kinds use, so that
// entityKindSchemaValidator from @backstage/catalog-model accepts them.

const entityRef = { type: 'string', minLength: 1 } as const;
const refList = { type: 'array', items: entityRef } as const;
const progress = {
  type: 'object',
  required: ['done', 'total'],
  additionalProperties: false,
  properties: {
    done: { type: 'integer', minimum: 0 },
    total: { type: 'integer', minimum: 0 },
  },
} as const;

/** JSON Schema of the `ADR` kind, `paved.dev/v1alpha1`. */
export const adrEntityV1alpha1Schema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'PavedAdrV1alpha1',
  description:
    'An Architecture Decision Record: a decision, its status, who made it, and what it is about.',
  allOf: [
    { $ref: 'Entity' },
    {
      type: 'object',
      required: ['spec'],
      properties: {
        apiVersion: { enum: ['paved.dev/v1alpha1'] },
        kind: { enum: ['ADR'] },
        spec: {
          type: 'object',
          required: ['owner', 'status'],
          additionalProperties: false,
          properties: {
            owner: entityRef,
            status: { enum: [...ADR_STATUSES] },
            number: { type: 'integer', minimum: 0 },
            date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
            format: { enum: ['nygard', 'madr2', 'madr3'] },
            deciders: { type: 'array', items: { type: 'string' } },
            consulted: { type: 'array', items: { type: 'string' } },
            informed: { type: 'array', items: { type: 'string' } },
            supersedes: refList,
            supersededBy: refList,
            decidesAbout: refList,
            roadmapItems: {
              type: 'array',
              items: { type: 'string', pattern: '^[^#]+#.+$' },
            },
            context: { type: 'string' },
            decision: { type: 'string' },
            consequences: { type: 'string' },
          },
        },
      },
    },
  ],
} as const;

const roadmapItem = {
  type: 'object',
  required: ['id', 'title', 'status'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1 },
    title: { type: 'string' },
    status: { enum: [...ROADMAP_ITEM_STATUSES] },
    priority: { type: 'string' },
    estimate: { type: 'string' },
    dependsOn: { type: 'array', items: { type: 'string', minLength: 1 } },
    adrs: { type: 'array', items: { type: 'string', minLength: 1 } },
    runbooks: { type: 'array', items: { type: 'string', minLength: 1 } },
    components: refList,
    progress,
  },
} as const;

/** JSON Schema of the `Roadmap` kind, `paved.dev/v1alpha1`. */
export const roadmapEntityV1alpha1Schema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'PavedRoadmapV1alpha1',
  description: 'A roadmap: phases holding items, with status and dependencies.',
  allOf: [
    { $ref: 'Entity' },
    {
      type: 'object',
      required: ['spec'],
      properties: {
        apiVersion: { enum: ['paved.dev/v1alpha1'] },
        kind: { enum: ['Roadmap'] },
        spec: {
          type: 'object',
          required: ['owner', 'phases'],
          additionalProperties: false,
          properties: {
            owner: entityRef,
            phases: {
              type: 'array',
              items: {
                type: 'object',
                required: ['title', 'items'],
                additionalProperties: false,
                properties: {
                  title: { type: 'string', minLength: 1 },
                  items: { type: 'array', items: roadmapItem },
                  progress,
                },
              },
            },
            progress,
          },
        },
      },
    },
  ],
} as const;
