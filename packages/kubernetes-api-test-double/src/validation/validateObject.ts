import {
  matchesLabelSelector,
  LabelRequirement,
} from '../selectors/labelSelector';
import { NameRule, ResourceType } from '../resources/types';
import { isPlainObject, JsonObject, KubeObject } from '../types';
import { FieldError, invalid, required } from './fieldErrors';
import {
  dns1035LabelError,
  dns1123LabelError,
  dns1123SubdomainError,
  labelValueError,
  pathSegmentNameError,
  qualifiedNameError,
} from './names';

const NAME_CHECKS: Record<NameRule, (v: string) => string | undefined> = {
  dns1123Subdomain: dns1123SubdomainError,
  dns1123Label: dns1123LabelError,
  dns1035Label: dns1035LabelError,
  pathSegment: pathSegmentNameError,
};

export function nameError(rt: ResourceType, name: string): string | undefined {
  return NAME_CHECKS[rt.nameRule ?? 'dns1123Subdomain'](name);
}

function validateLabels(labels: unknown, field: string): FieldError[] {
  if (!isPlainObject(labels)) return [];
  const errors: FieldError[] = [];
  for (const [k, v] of Object.entries(labels)) {
    const keyErr = qualifiedNameError(k);
    if (keyErr) errors.push(invalid(field, k, keyErr));
    const valueErr =
      typeof v === 'string' ? labelValueError(v) : 'must be a string';
    if (valueErr) errors.push(invalid(`${field}`, v, valueErr));
  }
  return errors;
}

function validateAnnotationKeys(annotations: unknown): FieldError[] {
  if (!isPlainObject(annotations)) return [];
  return Object.keys(annotations)
    .map(k => [k, qualifiedNameError(k.toLowerCase())] as const)
    .filter(([, err]) => err)
    .map(([k, err]) => invalid('metadata.annotations', k, err!));
}

const asObject = (v: unknown): JsonObject => (isPlainObject(v) ? v : {});

function validateContainers(podSpec: JsonObject, field: string): FieldError[] {
  const containers = podSpec.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    return [required(`${field}.containers`)];
  }
  const errors: FieldError[] = [];
  containers.forEach((c, i) => {
    const container = asObject(c);
    const at = `${field}.containers[${i}]`;
    if (typeof container.name !== 'string' || container.name === '') {
      errors.push(required(`${at}.name`));
    } else {
      const err = dns1123LabelError(container.name);
      if (err) errors.push(invalid(`${at}.name`, container.name, err));
    }
    if (typeof container.image !== 'string' || container.image.trim() === '') {
      errors.push(required(`${at}.image`));
    }
  });
  return errors;
}

const SELECTOR_OPERATORS: Record<string, LabelRequirement['operator']> = {
  In: 'In',
  NotIn: 'NotIn',
  Exists: 'Exists',
  DoesNotExist: 'DoesNotExist',
};

function selectorRequirements(selector: JsonObject): LabelRequirement[] {
  const reqs: LabelRequirement[] = Object.entries(
    asObject(selector.matchLabels),
  ).map(([key, v]) => ({
    key,
    operator: 'Equals' as const,
    values: [String(v)],
  }));
  const exprs = Array.isArray(selector.matchExpressions)
    ? selector.matchExpressions
    : [];
  for (const e of exprs.map(asObject)) {
    const operator = SELECTOR_OPERATORS[String(e.operator)] ?? 'DoesNotExist';
    reqs.push({
      key: String(e.key),
      operator,
      values: (e.values as string[]) ?? [],
    });
  }
  return reqs;
}

function validateWorkload(
  obj: KubeObject,
  withReplicas: boolean,
): FieldError[] {
  const spec = asObject(obj.spec);
  const errors: FieldError[] = [];
  if (withReplicas && spec.replicas !== undefined) {
    if (typeof spec.replicas !== 'number' || spec.replicas < 0) {
      errors.push(
        invalid(
          'spec.replicas',
          spec.replicas,
          'must be greater than or equal to 0',
        ),
      );
    }
  }
  const template = asObject(spec.template);
  const labels = asObject(asObject(template.metadata).labels) as Record<
    string,
    string
  >;
  if (!isPlainObject(spec.selector)) {
    errors.push(required('spec.selector'));
  } else {
    const reqs = selectorRequirements(spec.selector);
    if (reqs.length === 0) {
      errors.push(
        invalid(
          'spec.selector',
          spec.selector,
          'empty selector is invalid for deployment',
        ),
      );
    } else if (!matchesLabelSelector(reqs, labels)) {
      errors.push(
        invalid(
          'spec.template.metadata.labels',
          labels,
          '`selector` does not match template `labels`',
        ),
      );
    }
  }
  errors.push(
    ...validateContainers(asObject(template.spec), 'spec.template.spec'),
  );
  return errors;
}

const KIND_CHECKS: Record<string, (obj: KubeObject) => FieldError[]> = {
  '/Pod': obj => validateContainers(asObject(obj.spec), 'spec'),
  'apps/Deployment': obj => validateWorkload(obj, true),
  'apps/ReplicaSet': obj => validateWorkload(obj, true),
  'apps/StatefulSet': obj => validateWorkload(obj, true),
  'apps/DaemonSet': obj => validateWorkload(obj, false),
  '/ConfigMap': obj =>
    Object.keys({ ...asObject(obj.data), ...asObject(obj.binaryData) })
      .filter(k => !/^[-._a-zA-Z0-9]+$/.test(k) || k.length > 253)
      .map(k =>
        invalid(
          'data',
          k,
          "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
        ),
      ),
  '/Service': obj => {
    const ports = asObject(obj.spec).ports;
    if (!Array.isArray(ports)) return [];
    return ports
      .map((p, i) => [asObject(p).port, i] as const)
      .filter(([port]) => typeof port !== 'number' || port < 1 || port > 65535)
      .map(([port, i]) =>
        invalid(
          `spec.ports[${i}].port`,
          port,
          'must be between 1 and 65535, inclusive',
        ),
      );
  },
};

/** What a create or update of this kind would be refused with (422), in the real server's wording. */
export function validateObject(
  rt: ResourceType,
  obj: KubeObject,
): FieldError[] {
  const errors: FieldError[] = [];
  const meta = obj.metadata;
  if (obj.kind !== undefined && obj.kind !== rt.kind) {
    errors.push(invalid('kind', obj.kind, `must be ${rt.kind}`));
  }
  if (!meta.name && !meta.generateName) {
    errors.push(required('metadata.name', 'name or generateName is required'));
  } else if (meta.name) {
    const err = nameError(rt, meta.name);
    if (err) errors.push(invalid('metadata.name', meta.name, err));
  }
  if (rt.namespaced && !meta.namespace) {
    errors.push(required('metadata.namespace'));
  }
  errors.push(...validateLabels(meta.labels, 'metadata.labels'));
  errors.push(...validateAnnotationKeys(meta.annotations));
  const check = KIND_CHECKS[`${rt.group}/${rt.kind}`];
  if (check) errors.push(...check(obj));
  return errors;
}
