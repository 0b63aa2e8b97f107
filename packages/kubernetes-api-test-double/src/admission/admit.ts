import { ApiError } from '../http/status';
import { ResourceRegistry } from '../resources/registry';
import { ObjectStore } from '../store/objectStore';
import { deepCopy } from '../types';
import { runHooks } from './hooks';
import { kyvernoAdmission } from './kyverno/kyvernoAdmission';
import {
  KYVERNO_DEFAULT_RESOURCE_FILTERS,
  parseResourceFilters,
} from './kyverno/resourceFilters';
import { podSecurityAdmission } from './podSecurity/podSecurityAdmission';
import { AdmissionAttributes, AdmissionOptions } from './types';

/** Validating admission for writes, in the API server's order. */
export interface Admission {
  /**
   * Admits a create or update; returns the warnings for the response and
   * throws the refusal (an ApiError whose `deniedBy` names the step).
   */
  admit(attrs: AdmissionAttributes): string[];
}

function namespaceLabelsOf(
  store: ObjectStore,
  registry: ResourceRegistry,
  attrs: AdmissionAttributes,
): Record<string, string> | undefined {
  if (!attrs.resource.namespaced || !attrs.namespace) return undefined;
  const nsType = registry.find('', 'v1', 'namespaces');
  if (!nsType) return undefined;
  return store.get(nsType, undefined, attrs.namespace)?.metadata.labels ?? {};
}

/** Tags an admission step's refusal for the request log. */
function deniedBy<T>(step: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ApiError && !e.deniedBy)
      throw new ApiError(e.status, step);
    throw e;
  }
}

/**
 * Pod Security Admission (built in, always on), then Kyverno's validate
 * policies (while its kinds are served and policies exist), then the
 * `admission` hooks.
 */
export function createAdmission(
  store: ObjectStore,
  registry: ResourceRegistry,
  options: AdmissionOptions = {},
): Admission {
  const psa = {
    store,
    registry,
    exemptNamespaces: options.podSecurityExemptNamespaces ?? [],
  };
  const kyverno = {
    store,
    registry,
    resourceFilters: parseResourceFilters(
      options.kyvernoResourceFilters ?? KYVERNO_DEFAULT_RESOURCE_FILTERS,
    ),
  };
  const hooks = options.hooks ?? [];
  return {
    admit(attrs) {
      const warnings: string[] = [];
      warnings.push(
        ...deniedBy('PodSecurity', () => podSecurityAdmission(psa, attrs)),
      );
      const namespaceLabels = namespaceLabelsOf(store, registry, attrs);
      warnings.push(
        ...deniedBy('kyverno', () =>
          kyvernoAdmission(kyverno, attrs, namespaceLabels ?? {}),
        ),
      );
      if (hooks.length > 0) {
        warnings.push(
          ...runHooks(hooks, {
            operation: attrs.operation,
            object: deepCopy(attrs.object),
            oldObject: attrs.oldObject && deepCopy(attrs.oldObject),
            namespaceLabels: namespaceLabels && { ...namespaceLabels },
            store,
            dryRun: attrs.dryRun,
            resource: attrs.resource,
            userInfo: attrs.userInfo,
          }),
        );
      }
      return [...new Set(warnings)];
    },
  };
}
