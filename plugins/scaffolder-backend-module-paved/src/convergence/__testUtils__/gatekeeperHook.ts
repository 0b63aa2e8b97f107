import type { AdmissionHook } from '@paved/kubernetes-api-test-double';

/**
 * OPA Gatekeeper's validating webhook for the test double, for the
 * templates the baseline ships. The double cannot run Rego, so each known
 * template's rule is written here as its Rego reads; a constraint of an
 * unknown template is a test failure, not a silent pass.
 */
const TEMPLATE_RULES: Record<string, (pod: any) => string[]> = {
  // manifests/policies/gatekeeper.yaml: every container has CPU and memory limits.
  k8sresourcelimits: pod =>
    (pod.spec?.containers ?? []).flatMap((c: any) => [
      ...(c.resources?.limits?.cpu
        ? []
        : [`Container ${c.name} must have CPU limits`]),
      ...(c.resources?.limits?.memory
        ? []
        : [`Container ${c.name} must have memory limits`]),
    ]),
};

const matches = (constraint: any, namespace: string) => {
  const match = constraint.spec?.match ?? {};
  const kinds: any[] = match.kinds ?? [{ apiGroups: ['*'], kinds: ['*'] }];
  const podKind = kinds.some(
    k =>
      (k.apiGroups ?? []).some((g: string) => g === '' || g === '*') &&
      (k.kinds ?? []).some((x: string) => x === 'Pod' || x === '*'),
  );
  if (!podKind) return false;
  if (match.namespaces && !match.namespaces.includes(namespace)) return false;
  if ((match.excludedNamespaces ?? []).includes(namespace)) return false;
  return true;
};

/** Objects of a kind, none while its CRD is not installed (no webhook yet either). */
const listed = (
  store: Parameters<AdmissionHook>[0]['store'],
  apiVersion: string,
  kind: string,
): any[] => {
  try {
    return store.listObjects(apiVersion, kind) as any[];
  } catch {
    return [];
  }
};

export const gatekeeperHook: AdmissionHook = req => {
  if (req.resource.group !== '' || req.resource.kind !== 'Pod')
    return { allowed: true };
  const namespace = req.object.metadata?.namespace ?? 'default';
  const denials: string[] = [];
  for (const template of listed(
    req.store,
    'templates.gatekeeper.sh/v1',
    'ConstraintTemplate',
  )) {
    const kind = template.spec?.crd?.spec?.names?.kind;
    const rule = TEMPLATE_RULES[template.metadata.name];
    for (const constraint of listed(
      req.store,
      'constraints.gatekeeper.sh/v1beta1',
      kind,
    )) {
      if (!matches(constraint, namespace)) continue;
      if (!rule) {
        return {
          allowed: false,
          message: `the test double has no rule for Gatekeeper template ${template.metadata.name}`,
        };
      }
      if ((constraint.spec?.enforcementAction ?? 'deny') !== 'deny') continue;
      denials.push(
        ...rule(req.object).map(m => `[${constraint.metadata.name}] ${m}`),
      );
    }
  }
  return denials.length
    ? {
        allowed: false,
        code: 403,
        message: `admission webhook "validation.gatekeeper.sh" denied the request: ${denials.join(
          '\n',
        )}`,
      }
    : { allowed: true };
};
