import { deepCopy, isPlainObject, JsonObject, KubeObject } from '../../types';
import { parseKindSelector } from './match';

/*
 * Kyverno auto-gen (pkg/autogen/v1): rules written for Pods also apply to
 * the pod controllers' templates, as `autogen-<rule>` (DaemonSet,
 * Deployment, Job, StatefulSet, ReplicaSet, ReplicationController; pattern
 * under `spec.template`) and `autogen-cronjob-<rule>` (CronJob; pattern under
 * `spec.jobTemplate.spec.template`). The annotation
 * `pod-policies.kyverno.io/autogen-controllers` narrows the controllers
 * (`none` switches auto-gen off).
 */

export const AUTOGEN_ANNOTATION = 'pod-policies.kyverno.io/autogen-controllers';

const CONTROLLERS = [
  'DaemonSet',
  'Deployment',
  'Job',
  'StatefulSet',
  'ReplicaSet',
  'ReplicationController',
];
const POD_CONTROLLERS = [...CONTROLLERS, 'CronJob'];
const POD_AND_CONTROLLERS = new Set([...POD_CONTROLLERS, 'Pod']);

const GVK: Record<string, string> = {
  DaemonSet: 'apps/v1/DaemonSet',
  Deployment: 'apps/v1/Deployment',
  Job: 'batch/v1/Job',
  StatefulSet: 'apps/v1/StatefulSet',
  ReplicaSet: 'apps/v1/ReplicaSet',
  ReplicationController: 'v1/ReplicationController',
  CronJob: 'batch/v1/CronJob',
  Pod: 'v1/Pod',
};
const toGvk = (kinds: string[]) => kinds.map(k => GVK[k] ?? k);

const obj = (v: unknown): JsonObject => (isPlainObject(v) ? v : {});
const arr = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.map(obj) : []);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : [];

/** The kind part of a kinds entry (`apps/v1/Deployment` → `Deployment`). */
export const kindName = (entry: string) => parseKindSelector(entry)[2];

const containsKind = (kinds: string[], kind: string) =>
  kinds.some(k => kindName(k) === kind);

/** Every `kinds` list of a match/exclude block. */
export function blockKinds(block: unknown): string[] {
  const b = obj(block);
  return [
    ...strings(obj(b.resources).kinds),
    ...arr(b.all).flatMap(f => strings(obj(f.resources).kinds)),
    ...arr(b.any).flatMap(f => strings(obj(f.resources).kinds)),
  ];
}

function autogenSupported(description: unknown, needed: { v: boolean }) {
  const d = obj(description);
  const kinds = strings(d.kinds);
  if (
    d.name ||
    strings(d.names).length > 0 ||
    d.selector ||
    d.annotations ||
    (kinds.length > 1 && containsKind(kinds, 'Pod'))
  )
    return false;
  needed.v = needed.v || kinds.some(k => POD_AND_CONTROLLERS.has(k));
  return true;
}

function canAutoGen(rules: JsonObject[]): boolean {
  const needed = { v: false };
  for (const rule of rules) {
    if (rule.generate) return false;
    const mutate = obj(rule.mutate);
    if (
      mutate.patchesJson6902 ||
      arr(mutate.foreach).some(f => f.patchesJson6902)
    )
      return false;
    for (const block of [rule.match, rule.exclude]) {
      if (block === undefined) continue;
      const b = obj(block);
      const descriptions = [
        b.resources,
        ...arr(b.any).map(f => f.resources),
        ...arr(b.all).map(f => f.resources),
      ];
      if (!descriptions.every(d => autogenSupported(d, needed))) return false;
    }
  }
  return needed.v;
}

const sortedSplit = (s: string) => s.split(',').sort();
const ruleName = (prefix: string, name: string) =>
  `${prefix}-${name}`.slice(0, 63);
const isAutogenName = (name: unknown) => String(name).startsWith('autogen-');

type FilterRewrite = (filters: JsonObject[], kinds: string[]) => JsonObject[];

/** Rewrites a rule for other kinds, its patterns moved under `spec.<templateKey>`. */
function generateRule(
  name: string,
  source: JsonObject | undefined,
  templateKey: string,
  kinds: string[],
  rewrite: FilterRewrite,
): JsonObject | undefined {
  if (!source) return undefined;
  const rule = deepCopy(source);
  rule.name = name;
  const match = obj(rule.match);
  rule.match = match;
  if (arr(match.any).length > 0) match.any = rewrite(arr(match.any), kinds);
  else if (arr(match.all).length > 0)
    match.all = rewrite(arr(match.all), kinds);
  else match.resources = { ...obj(match.resources), kinds: toGvk(kinds) };
  if (isPlainObject(rule.exclude)) {
    const exclude = rule.exclude;
    if (arr(exclude.any).length > 0)
      exclude.any = rewrite(arr(exclude.any), kinds);
    else if (arr(exclude.all).length > 0)
      exclude.all = rewrite(arr(exclude.all), kinds);
    else if (strings(obj(exclude.resources).kinds).length > 0)
      exclude.resources = { ...obj(exclude.resources), kinds: toGvk(kinds) };
  }
  if (!isPlainObject(rule.validate)) return undefined;
  const v = rule.validate;
  const kept: JsonObject = {};
  for (const k of [
    'message',
    'failureAction',
    'failureActionOverrides',
    'allowExistingViolations',
  ])
    if (v[k] !== undefined) kept[k] = v[k];
  const wrap = (pattern: unknown) => ({ spec: { [templateKey]: pattern } });
  if (v.pattern !== undefined) {
    rule.validate = { ...kept, pattern: wrap(v.pattern) };
  } else if (v.deny !== undefined) {
    rule.validate = { ...kept, deny: v.deny };
  } else if (v.podSecurity !== undefined) {
    rule.validate = { ...kept, podSecurity: v.podSecurity };
  } else if (Array.isArray(v.anyPattern)) {
    rule.validate = { ...kept, anyPattern: v.anyPattern.map(wrap) };
  } else if (v.foreach !== undefined) {
    rule.validate = { ...kept, foreach: v.foreach };
  } else if (v.cel === undefined) {
    return undefined;
  }
  return rule;
}

const REPLACEMENTS: Record<'Pod' | 'Cronjob', [string, string][]> = {
  Pod: [
    ['request.object.spec', 'request.object.spec.template.spec'],
    ['request.oldObject.spec', 'request.oldObject.spec.template.spec'],
    ['request.object.metadata', 'request.object.spec.template.metadata'],
    ['request.oldObject.metadata', 'request.oldObject.spec.template.metadata'],
  ],
  Cronjob: [
    [
      'request.object.spec',
      'request.object.spec.jobTemplate.spec.template.spec',
    ],
    [
      'request.oldObject.spec',
      'request.oldObject.spec.jobTemplate.spec.template.spec',
    ],
    [
      'request.object.metadata',
      'request.object.spec.jobTemplate.spec.template.metadata',
    ],
    [
      'request.oldObject.metadata',
      'request.oldObject.spec.jobTemplate.spec.template.metadata',
    ],
  ],
};

/** Variables that point into a Pod now point into the template. */
function updateFields(rule: JsonObject, kind: 'Pod' | 'Cronjob'): JsonObject {
  let json = JSON.stringify(rule);
  for (const [from, to] of REPLACEMENTS[kind]) json = json.split(from).join(to);
  return JSON.parse(json);
}

function ruleForControllers(
  rule: JsonObject,
  controllers: string,
): JsonObject | undefined {
  if (isAutogenName(rule.name) || controllers === '') return undefined;
  const matchKinds = blockKinds(rule.match);
  const excludeKinds = blockKinds(rule.exclude);
  if (
    !containsKind(matchKinds, 'Pod') ||
    (excludeKinds.length > 0 && !containsKind(excludeKinds, 'Pod'))
  )
    return undefined;
  let kinds = controllers;
  if (controllers === 'all') kinds = CONTROLLERS.join(',');
  else if (controllers !== 'none') {
    const valid = sortedSplit(controllers).filter(c => CONTROLLERS.includes(c));
    if (valid.length > 0) kinds = valid.join(',');
  }
  return generateRule(
    ruleName('autogen', String(rule.name)),
    rule,
    'template',
    sortedSplit(kinds),
    (filters, ks) =>
      filters.map(f =>
        containsKind(strings(obj(f.resources).kinds), 'Pod')
          ? { ...f, resources: { ...obj(f.resources), kinds: toGvk(ks) } }
          : f,
      ),
  );
}

function cronJobRule(
  rule: JsonObject,
  controllers: string,
): JsonObject | undefined {
  if (!controllers.includes('CronJob') && !controllers.includes('all'))
    return undefined;
  return generateRule(
    ruleName('autogen-cronjob', String(rule.name)),
    ruleForControllers(rule, controllers),
    'jobTemplate',
    ['CronJob'],
    (filters, ks) =>
      filters.map(f => ({
        ...f,
        resources: { ...obj(f.resources), kinds: toGvk(ks) },
      })),
  );
}

/** A policy's rules as Kyverno evaluates them: its own plus the auto-generated ones. */
export function computeRules(policy: KubeObject): JsonObject[] {
  const rules = arr(obj(policy.spec).rules);
  if (!canAutoGen(rules)) return rules;
  const annotation = policy.metadata.annotations?.[AUTOGEN_ANNOTATION];
  const controllers =
    annotation === undefined
      ? POD_CONTROLLERS.join(',')
      : [...new Set(annotation.split(','))].join(',');
  if (controllers === 'none') return rules;
  const withoutCronJob = sortedSplit(controllers)
    .filter(c => c !== 'CronJob')
    .join(',');
  const generated: JsonObject[] = [];
  for (const rule of rules) {
    const forControllers = ruleForControllers(rule, withoutCronJob);
    if (forControllers) generated.push(updateFields(forControllers, 'Pod'));
    const forCronJob = cronJobRule(rule, controllers);
    if (forCronJob) generated.push(updateFields(forCronJob, 'Cronjob'));
  }
  if (generated.length === 0) return rules;
  return [...rules.filter(r => !isAutogenName(r.name)), ...generated];
}
