import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ADR_STATUSES, AdrStatus } from '@paved/plugin-paved-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod/v3';
import { InputProblems } from '../validate/inputs';
import { resolveInWorkspace } from './workspace';

export const ADR_CREATE_ID = 'paved:adr:create';

/** The layouts `paved:adr:create` writes. */
export const ADR_CREATE_FORMATS = ['nygard', 'madr3'] as const;
export type AdrCreateFormat = (typeof ADR_CREATE_FORMATS)[number];

/** What the action writes, once checked. */
export interface AdrDraft {
  title: string;
  format: AdrCreateFormat;
  status: AdrStatus;
  /** ISO date, `yyyy-MM-dd`. */
  date: string;
  deciders: string[];
  context: string;
  decision: string;
  consequences: string;
  /** Numbers of ADRs in the same folder that this one replaces. */
  supersedes: number[];
}

/** An ADR file already in the target folder: `0003-use-x.md`. */
export interface ExistingAdr {
  number: number;
  fileName: string;
  title?: string;
}

const ADR_FILE = /^(\d{1,6})-[^/\\]*\.md$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function pad(n: number): string {
  return String(n).padStart(4, '0');
}

/** `Use PostgreSQL for state` to `use-postgresql-for-state`. */
export function adrSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'decision';
}

const isoToday = () => new Date().toISOString().slice(0, 10);

function isIsoDate(date: string): boolean {
  return (
    ISO_DATE.test(date) &&
    !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) &&
    new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date
  );
}

/** An error map that names the raw value, whatever its type. */
const naming = (rule: (raw: unknown) => string) => ({
  errorMap: (_: unknown, ctx: { data: unknown }) => ({
    message: rule(ctx.data),
  }),
});

const oneOf = (values: readonly string[]) => (raw: unknown) =>
  `${JSON.stringify(raw)} must be one of ${values.join(', ')}`;
const notADate = (raw: unknown) =>
  `${JSON.stringify(raw)} must be a date as yyyy-MM-dd`;
const notAName = (raw: unknown) =>
  `${JSON.stringify(raw)} must be a name on one line, without "," or ";"`;
const notAnAdrNumber = (raw: unknown) =>
  `${JSON.stringify(raw)} must be an ADR number`;

/** Context, decision or consequences: optional Markdown, one section each. */
const markdownSection = (description: string) =>
  z
    .preprocess(
      v => v ?? '',
      z
        .string({ invalid_type_error: 'must be text' })
        .superRefine((value, ctx) => {
          if (value.length > 20000) {
            ctx.addIssue({
              code: 'custom',
              message: 'must be at most 20,000 characters',
            });
          } else if (/^\s{0,3}#{1,2}\s/m.test(value)) {
            ctx.addIssue({
              code: 'custom',
              message:
                'must not contain level 1 or 2 headings ("#", "##"): they would start a new section',
            });
          }
        })
        .transform(value => value.replace(/\r\n?/g, '\n').trim()),
    )
    .describe(description);

/**
 * The action's input: every check, default and normalisation. The scaffolder
 * turns it into JSON schema, which keeps only the types, so the handler
 * parses its raw input with it too. The steps before each check (`preprocess`)
 * keep the JSON schema as it was while naming bad values of any type.
 */
export function adrCreateInputSchema(today: () => string = isoToday) {
  return z.object({
    title: z
      .preprocess(
        v => (typeof v === 'string' ? v.trim() : ''),
        z.string().superRefine((title, ctx) => {
          const problem = (message: string) =>
            ctx.addIssue({ code: 'custom', message });
          if (!title) {
            problem('must not be empty');
          } else if (/[\r\n]/.test(title) || title.length > 200) {
            problem('must be one line of at most 200 characters');
          } else if (/^#|^-{3}/.test(title)) {
            problem(
              `${JSON.stringify(title)} must not start with "#" or "---"`,
            );
          }
        }),
      )
      .describe('The decision, as a short imperative phrase'),
    targetPath: z
      // Checked against the workspace in the handler: only it knows the path.
      .preprocess(v => String(v ?? 'docs/adr'), z.string())
      .default('docs/adr')
      .describe('The ADR folder, inside the workspace'),
    format: z
      .preprocess(
        v => v ?? 'nygard',
        z.string(naming(oneOf(ADR_CREATE_FORMATS))).refine(
          (f): f is AdrCreateFormat =>
            (ADR_CREATE_FORMATS as readonly string[]).includes(f),
          f => ({ message: oneOf(ADR_CREATE_FORMATS)(f) }),
        ),
      )
      .default('nygard')
      .describe('nygard (adr-tools) or madr3 (front matter)'),
    status: z
      .preprocess(
        v => v ?? 'proposed',
        z
          .string(naming(oneOf(ADR_STATUSES)))
          // Any case and spacing: "Accepted " is accepted.
          .refine(
            s =>
              (ADR_STATUSES as readonly string[]).includes(
                s.trim().toLowerCase(),
              ),
            s => ({ message: oneOf(ADR_STATUSES)(s) }),
          )
          .transform(s => s.trim().toLowerCase() as AdrStatus),
      )
      .default('proposed')
      .describe('proposed, accepted, rejected, deprecated or superseded'),
    date: z
      .preprocess(
        v => v ?? today(),
        z
          .string(naming(notADate))
          .refine(isIsoDate, d => ({ message: notADate(d) })),
      )
      .describe('yyyy-MM-dd; today when not given'),
    deciders: z
      .array(
        z
          .string(naming(notAName))
          .refine(
            d => {
              const name = d.trim();
              return name && !/[\r\n,;]/.test(name) && name.length <= 100;
            },
            d => ({ message: notAName(d) }),
          )
          .transform(d => d.trim()),
        { invalid_type_error: 'must be a list of names' },
      )
      .optional()
      .transform(deciders => deciders ?? [])
      .describe('Who decided'),
    context: markdownSection('Context (Markdown)'),
    decision: markdownSection('Decision (Markdown)'),
    consequences: markdownSection('Consequences (Markdown)'),
    supersedes: z
      .preprocess(
        // One number alone is taken as a list of one.
        v => [v ?? []].flat(),
        z.array(
          z
            .union([z.number(), z.string()], naming(notAnAdrNumber))
            .transform((v, ctx) => {
              const n =
                typeof v === 'string'
                  ? Number(v.replace(/^ADR[-\s_]*/i, ''))
                  : v;
              if (!Number.isInteger(n) || n < 1 || n > 999999) {
                ctx.addIssue({
                  code: 'custom',
                  message: notAnAdrNumber(v),
                });
                return z.NEVER;
              }
              return n;
            }),
        ),
      )
      .transform(numbers => [...new Set(numbers)])
      .describe('Numbers of ADRs in the same folder this one replaces'),
  });
}

/** The action's input once checked: what to write, and where. */
export type AdrCreateInput = AdrDraft & { targetPath: string };

/** Checks raw input field by field; throws one InputError naming each bad field. */
export function checkAdrInput(
  input: unknown,
  today: () => string = isoToday,
): AdrCreateInput {
  const parsed = adrCreateInputSchema(today).safeParse(input);
  if (parsed.success) return parsed.data;
  const p = new InputProblems();
  for (const issue of parsed.error.issues) {
    // Named by the input field, as the template author wrote it.
    p.add(String(issue.path[0] ?? 'input'), issue.message);
  }
  p.throwIfAny();
  throw new Error('unreachable: a failed parse has issues');
}

/** The ADR files already in a folder; none when it does not exist yet. */
export async function listExistingAdrs(dir: string): Promise<ExistingAdr[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
  return names
    .map(fileName => ({ fileName, match: ADR_FILE.exec(fileName) }))
    .filter(x => x.match)
    .map(x => ({ fileName: x.fileName, number: Number(x.match![1]) }))
    .sort((a, b) => a.number - b.number);
}

/** One more than the highest `NNNN-*.md` number in the folder, or 1. */
export function nextAdrNumber(existing: ExistingAdr[]): number {
  return existing.reduce((max, e) => Math.max(max, e.number), 0) + 1;
}

function supersedesLinks(
  draft: AdrDraft,
  existing: ExistingAdr[],
  style: 'nygard' | 'madr',
): string[] {
  return draft.supersedes.map(n => {
    const file = existing.find(e => e.number === n);
    if (style === 'nygard') {
      const label = file?.title ? `${n}. ${file.title}` : `ADR-${pad(n)}`;
      return `[${label}](${file!.fileName})`;
    }
    return `[ADR-${pad(n)}](${file!.fileName})`;
  });
}

const PLACEHOLDER = {
  context: 'What is the issue that motivates this decision?',
  decision: 'What is the change that we are making?',
  consequences: 'What becomes easier or harder because of this change?',
};

function body(draft: AdrDraft, key: keyof typeof PLACEHOLDER): string {
  return draft[key] || `_${PLACEHOLDER[key]}_`;
}

/**
 * The Markdown for an ADR: Nygard / adr-tools (`# N. Title`, `Date:`,
 * `## Status`) or MADR 3 (front matter). Both read back through
 * `parseAdrMarkdown` to the same title, number and status.
 */
export function renderAdrMarkdown(
  draft: AdrDraft,
  number: number,
  existing: ExistingAdr[] = [],
): string {
  const capital = draft.status[0].toUpperCase() + draft.status.slice(1);
  if (draft.format === 'nygard') {
    const lines = [
      `# ${number}. ${draft.title}`,
      '',
      `Date: ${draft.date}`,
      '',
    ];
    if (draft.deciders.length) {
      lines.push(`Deciders: ${draft.deciders.join(', ')}`, '');
    }
    lines.push('## Status', '', capital, '');
    for (const link of supersedesLinks(draft, existing, 'nygard')) {
      lines.push(`Supersedes ${link}`, '');
    }
    lines.push(...sections(draft, ['Context', 'Decision', 'Consequences']));
    return lines.join('\n');
  }
  const front: Record<string, unknown> = {
    status: draft.status,
    date: draft.date,
  };
  if (draft.deciders.length) front.deciders = draft.deciders;
  if (draft.supersedes.length) {
    front.supersedes = draft.supersedes.map(n => `ADR-${pad(n)}`);
  }
  const yaml = YAML.stringify(front, { defaultStringType: 'QUOTE_DOUBLE' })
    // dates stay plain so that MADR tooling reads them as dates
    .replace(/^date: "(\d{4}-\d{2}-\d{2})"$/m, 'date: $1')
    .replace(/^status: "([a-z]+)"$/m, 'status: $1');
  const lines = ['---', yaml.trimEnd(), '---', '', `# ${draft.title}`, ''];
  const links = supersedesLinks(draft, existing, 'madr');
  if (links.length) {
    lines.push(`Supersedes ${links.join(', ')}.`, '');
  }
  lines.push(
    ...sections(draft, [
      'Context and Problem Statement',
      'Decision Outcome',
      'Consequences',
    ]),
  );
  return lines.join('\n');
}

/** The three body sections under the headings each format uses for them. */
function sections(
  draft: AdrDraft,
  headings: [context: string, decision: string, consequences: string],
): string[] {
  const keys = ['context', 'decision', 'consequences'] as const;
  return keys.flatMap((key, i) => [
    `## ${headings[i]}`,
    '',
    body(draft, key),
    '',
  ]);
}

async function titleOf(file: string): Promise<string | undefined> {
  try {
    const head = (await fs.readFile(file, 'utf8')).slice(0, 4096);
    const heading = /^#\s+(?:\d+\.\s*)?(.+)$/m.exec(head)?.[1]?.trim();
    return heading && heading.length <= 200 ? heading : undefined;
  } catch {
    return undefined;
  }
}

/** The real folder, refusing one that a symlink leads out of the workspace. */
async function checkRealPath(
  workspacePath: string,
  dir: string,
  field: string,
) {
  const root = await fs.realpath(workspacePath);
  let existing = dir;
  for (;;) {
    try {
      existing = await fs.realpath(existing);
      break;
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return;
      existing = parent;
    }
  }
  const rel = path.relative(root, existing);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new InputError(
      `${field}: the folder leads out of the workspace through a symbolic link`,
    );
  }
}

export function createAdrCreateAction() {
  return createTemplateAction({
    id: ADR_CREATE_ID,
    description:
      'Writes a new Architecture Decision Record (Nygard/adr-tools or MADR 3) into an ADR folder in the workspace, numbered one after the highest NNNN-*.md already there.',
    supportsDryRun: true,
    examples: [
      {
        description: 'Record a decision in the repository fetched into ./repo',
        example: `steps:
  - id: fetch
    action: fetch:plain
    input:
      url: https://github.com/acme/payments/tree/main/docs/adr
      targetPath: repo/docs/adr
  - id: adr
    action: paved:adr:create
    input:
      title: Use PostgreSQL for ledger state
      targetPath: repo/docs/adr
      format: madr3
      status: proposed
      deciders: [ana, ben]
      context: The ledger needs transactions across tables.
      decision: We use PostgreSQL 16 through CloudNativePG.
      consequences: The team runs a database operator.
      supersedes: [2]`,
      },
    ],
    schema: {
      input: () => adrCreateInputSchema(),
      // Both as functions: the scaffolder reads input and output the same way.
      output: zod =>
        zod.object({
          path: zod
            .string()
            .describe('The file written, relative to the workspace'),
          fileName: zod
            .string()
            .describe('The file name, e.g. 0004-use-postgresql.md'),
          number: zod.number().describe('The ADR number'),
          entityName: zod
            .string()
            .describe(
              'The ADR entity name suffix the catalog gives it, adr-NNNN',
            ),
        }),
    },
    async handler(ctx) {
      // The scaffolder checked only the JSON schema's types: parse for the rest.
      const { targetPath, ...draft } = checkAdrInput(ctx.input);
      const dir = resolveInWorkspace(
        ctx.workspacePath,
        targetPath,
        'targetPath',
      );
      await checkRealPath(ctx.workspacePath, dir, 'targetPath');

      const existing = await listExistingAdrs(dir);
      const missing = draft.supersedes.filter(
        n => !existing.some(e => e.number === n),
      );
      if (missing.length) {
        throw new InputError(
          `supersedes: no ADR numbered ${missing.join(
            ', ',
          )} in ${targetPath} (found: ${
            existing.map(e => e.number).join(', ') || 'none'
          })`,
        );
      }
      for (const e of existing) {
        if (draft.supersedes.includes(e.number)) {
          e.title = await titleOf(path.join(dir, e.fileName));
        }
      }
      const number = nextAdrNumber(existing);
      const fileName = `${pad(number)}-${adrSlug(draft.title)}.md`;
      const markdown = renderAdrMarkdown(draft, number, existing);

      await fs.mkdir(dir, { recursive: true });
      // `wx`: never overwrite an ADR that appeared meanwhile.
      await fs.writeFile(path.join(dir, fileName), markdown, {
        encoding: 'utf8',
        flag: 'wx',
      });
      const written = path
        .relative(ctx.workspacePath, path.join(dir, fileName))
        .split(path.sep)
        .join('/');
      ctx.logger.info(`Wrote ADR ${number} "${draft.title}" to ${written}`);
      ctx.output('path', written);
      ctx.output('fileName', fileName);
      ctx.output('number', number);
      ctx.output('entityName', `adr-${pad(number)}`);
    },
  });
}
