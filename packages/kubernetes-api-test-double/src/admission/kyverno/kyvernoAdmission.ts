import { ApiError } from '../../http/status';
import { ResourceRegistry } from '../../resources/registry';
import { ObjectStore } from '../../store/objectStore';
import { isPlainObject, JsonObject, KubeObject } from '../../types';
import { AdmissionAttributes, AdmissionOperation } from '../types';
import { computeRules } from './autogen';
import { goYamlMapOfMaps } from './goYaml';
import { MatchRequest, ruleMatches, selectorMatches } from './match';
import { isFilteredOut, parseResourceFilters } from './resourceFilters';
import {
  isSupportedValidateRule,
  RuleResponse,
  validateRule,
} from './validateRule';
import { wildcardMatch } from './wildcard';

/*
 * Kyverno's validating webhook for `kyverno.io/v1` ClusterPolicies and
 * Policies found in the store (only while those kinds are served). Enforce
 * failures block the request the way the API server reports a webhook
 * denial (400, `admission webhook "validate.kyverno.svc-fail" denied the
 * request: ...`); Audit failures let it through.
 */

export interface KyvernoContext {
  store: ObjectStore;
  registry: ResourceRegistry;
  resourceFilters: ReturnType<typeof parseResourceFilters>;
}

interface PolicyResult {
  policy: KubeObject;
  spec: JsonObject;
  rules: JsonObject[];
  responses: RuleResponse[];
}

const obj = (v: unknown): JsonObject => (isPlainObject(v) ? v : {});
const isEnforce = (action: unknown) =>
  typeof action === 'string' && action.toLowerCase() === 'enforce';
const isValidAction = (action: unknown) =>
  typeof action === 'string' &&
  ['enforce', 'audit'].includes(action.toLowerCase());

function listPolicies(
  ctx: KyvernoContext,
  namespace: string | undefined,
): KubeObject[] {
  const cluster = ctx.registry.findByKind('kyverno.io/v1', 'ClusterPolicy');
  const namespaced = ctx.registry.findByKind('kyverno.io/v1', 'Policy');
  const policies: KubeObject[] = [];
  if (cluster) policies.push(...ctx.store.list(cluster).items);
  if (namespaced && namespace)
    policies.push(...ctx.store.list(namespaced, { namespace }).items);
  return policies.filter(p => obj(p.spec).admission !== false);
}

/** validationFailureActionOverrides: the first one whose namespaces/selector apply. */
function overrideAction(
  overrides: unknown,
  namespace: string,
  namespaceLabels: Record<string, string>,
): string | undefined {
  for (const o of Array.isArray(overrides) ? overrides.map(obj) : []) {
    if (!isValidAction(o.action)) continue;
    const selectorOk = () =>
      !isPlainObject(o.namespaceSelector) ||
      selectorMatches(o.namespaceSelector, namespaceLabels) === true;
    if (!Array.isArray(o.namespaces)) {
      if (selectorOk()) return String(o.action);
      continue;
    }
    if (
      o.namespaces.some(ns => wildcardMatch(String(ns), namespace)) &&
      selectorOk()
    )
      return String(o.action);
  }
  return undefined;
}

function ruleAction(
  spec: JsonObject,
  rule: JsonObject,
  namespace: string,
  namespaceLabels: Record<string, string>,
): unknown {
  const v = obj(rule.validate);
  return (
    overrideAction(v.failureActionOverrides, namespace, namespaceLabels) ??
    v.failureAction ??
    overrideAction(
      spec.validationFailureActionOverrides,
      namespace,
      namespaceLabels,
    ) ??
    spec.validationFailureAction
  );
}

/** Policies Kyverno's policy cache files under "validate enforce". */
function isEnforcePolicy(spec: JsonObject, rules: JsonObject[]): boolean {
  const overridesEnforce = (o: unknown) =>
    Array.isArray(o) && o.some(x => isEnforce(obj(x).action));
  return (
    isEnforce(spec.validationFailureAction) ||
    overridesEnforce(spec.validationFailureActionOverrides) ||
    rules.some(r => {
      const v = obj(r.validate);
      return (
        isEnforce(v.failureAction) || overridesEnforce(v.failureActionOverrides)
      );
    })
  );
}

/** The `\n\nresource Kind/ns/name was blocked due to ...` text of a denial. */
function blockedMessage(resource: KubeObject, results: PolicyResult[]): string {
  const failures = new Map<string, Map<string, string>>();
  for (const r of results) {
    const rules = new Map<string, string>();
    for (const resp of r.responses)
      if (resp.status !== 'pass' && resp.status !== 'skip')
        rules.set(resp.name, resp.message);
    if (rules.size > 0) failures.set(r.policy.metadata.name ?? '', rules);
  }
  const name = `${resource.kind}/${resource.metadata.namespace ?? ''}/${
    resource.metadata.name ?? ''
  }`;
  return `\n\nresource ${name} was blocked due to the following policies \n\n${goYamlMapOfMaps(
    failures,
  )}`;
}

function variablesRoot(
  attrs: AdmissionAttributes,
  operation: AdmissionOperation,
  object: KubeObject,
  oldObject: KubeObject | undefined,
): JsonObject {
  const username = attrs.userInfo?.username ?? '';
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username);
  return {
    request: {
      operation,
      object,
      oldObject: oldObject ?? null,
      namespace: attrs.namespace ?? '',
      name: attrs.name,
      kind: {
        group: attrs.resource.group,
        version: attrs.resource.version,
        kind: attrs.resource.kind,
      },
      userInfo: {
        username,
        groups: attrs.userInfo?.groups ?? [],
      },
      dryRun: attrs.dryRun,
    },
    serviceAccountName: sa ? sa[2] : '',
    serviceAccountNamespace: sa ? sa[1] : '',
  };
}

/**
 * Runs the Kyverno validate rules that apply; returns warnings (policies
 * with `emitWarning`) and throws the webhook denial when an Enforce rule fails.
 */
export function kyvernoAdmission(
  ctx: KyvernoContext,
  attrs: AdmissionAttributes,
  namespaceLabels: Record<string, string>,
): string[] {
  const policies = listPolicies(ctx, attrs.namespace);
  if (policies.length === 0) return [];
  const rt = attrs.resource;
  if (
    isFilteredOut(ctx.resourceFilters, {
      group: rt.group,
      version: rt.version,
      kind: rt.kind,
      subresource: '',
      namespace: attrs.namespace ?? '',
      name: attrs.name,
    })
  )
    return [];
  const namespace = attrs.namespace ?? '';
  const request = (
    resource: KubeObject,
    operation: AdmissionOperation,
  ): MatchRequest => ({
    resource,
    group: rt.group,
    version: rt.version,
    kind: rt.kind,
    subresource: '',
    operation,
    namespaceLabels,
    userInfo: attrs.userInfo,
  });
  const root = variablesRoot(
    attrs,
    attrs.operation,
    attrs.object,
    attrs.oldObject,
  );
  const old = attrs.operation === 'UPDATE' ? attrs.oldObject : undefined;

  const results: PolicyResult[] = [];
  for (const policy of policies) {
    const spec = obj(policy.spec);
    const policyNs =
      policy.kind === 'Policy' ? policy.metadata.namespace : undefined;
    const rules = computeRules(policy);
    const responses: RuleResponse[] = [];
    for (const rule of rules) {
      if (!isSupportedValidateRule(rule)) continue;
      const matched =
        ruleMatches(rule, request(attrs.object, attrs.operation), policyNs) ||
        (old !== undefined &&
          ruleMatches(rule, request(old, attrs.operation), policyNs));
      if (!matched) continue;
      let response = validateRule(rule, root);
      if (!response) continue;
      // Existing violations on update are let through (allowExistingViolations, default true).
      const action =
        obj(rule.validate).failureAction ?? spec.validationFailureAction;
      if (
        response.status === 'fail' &&
        old &&
        isEnforce(action) &&
        obj(rule.validate).allowExistingViolations !== false &&
        ruleMatches(rule, request(old, 'CREATE'), policyNs)
      ) {
        const before = validateRule(
          rule,
          variablesRoot(attrs, 'CREATE', old, undefined),
        );
        if (before?.status === 'fail')
          response = {
            name: response.name,
            status: 'skip',
            message:
              'skipping the rule evaluation as pre-existing violations are allowed',
          };
      }
      responses.push(response);
      if (spec.applyRules === 'One' && response.status !== 'skip') break;
    }
    if (responses.length > 0) results.push({ policy, spec, rules, responses });
  }

  for (const failurePolicy of ['Fail', 'Ignore']) {
    const group = results.filter(
      r =>
        (r.spec.failurePolicy === 'Ignore' ? 'Ignore' : 'Fail') ===
        failurePolicy,
    );
    const enforced = group.filter(r => isEnforcePolicy(r.spec, r.rules));
    const blocked = enforced.some(r =>
      r.responses.some(resp => {
        if (resp.status === 'error') return failurePolicy === 'Fail';
        if (resp.status !== 'fail') return false;
        const rule = r.rules.find(x => x.name === resp.name) ?? {};
        return isEnforce(ruleAction(r.spec, rule, namespace, namespaceLabels));
      }),
    );
    if (!blocked) continue;
    const webhook = `validate.kyverno.svc-${failurePolicy.toLowerCase()}`;
    throw new ApiError(
      {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `admission webhook "${webhook}" denied the request: ${blockedMessage(
          attrs.object,
          enforced,
        )}`,
        code: 400,
      },
      `kyverno:${enforced
        .filter(r =>
          r.responses.some(x => x.status === 'fail' || x.status === 'error'),
        )
        .map(r => r.policy.metadata.name)
        .join(',')}`,
    );
  }
  return results
    .filter(r => r.spec.emitWarning === true)
    .flatMap(r =>
      r.responses
        .filter(resp => resp.status !== 'skip')
        .map(
          resp =>
            `policy ${r.policy.metadata.name}.${resp.name}: ${resp.message}`,
        ),
    );
}
