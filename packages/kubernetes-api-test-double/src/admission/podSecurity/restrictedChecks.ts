import { JsonObject } from '../../types';
import {
  explicitSeccompViolations,
  seccompProfileBaseline,
} from './baselineChecks';
import {
  ALLOWED,
  CheckFn,
  CheckResult,
  containerList,
  containersOf,
  isSet,
  isWindows,
  joinQuote,
  list,
  obj,
  pluralize,
  podSecurityContext,
  sortedSet,
} from './podSpec';

/*
 * The restricted level's own checks (it also runs the baseline checks it
 * does not override), with kube-apiserver's reasons and details.
 */

/** From v1.25 on, these checks leave Windows pods alone. */
export const exceptWindows =
  (check: CheckFn): CheckFn =>
  (meta, spec) =>
    isWindows(spec) ? ALLOWED : check(meta, spec);

export function allowPrivilegeEscalation(
  _meta: JsonObject,
  spec: JsonObject,
): CheckResult {
  const bad = containersOf(spec)
    .filter(c => c.sc?.allowPrivilegeEscalation !== false)
    .map(c => c.name);
  if (bad.length === 0) return ALLOWED;
  return {
    allowed: false,
    reason: 'allowPrivilegeEscalation != false',
    detail: `${containerList(
      bad,
    )} must set securityContext.allowPrivilegeEscalation=false`,
  };
}

export function capabilitiesRestricted(
  _meta: JsonObject,
  spec: JsonObject,
): CheckResult {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbidden: string[] = [];
  for (const c of containersOf(spec)) {
    if (!c.sc || !isSet(c.sc.capabilities)) {
      missingDropAll.push(c.name);
      continue;
    }
    const caps = obj(c.sc.capabilities);
    if (!list(caps.drop).includes('ALL')) missingDropAll.push(c.name);
    const extra = list(caps.add)
      .map(String)
      .filter(a => a !== 'NET_BIND_SERVICE');
    if (extra.length > 0) {
      addingForbidden.push(c.name);
      forbidden.push(...extra);
    }
  }
  const details: string[] = [];
  if (missingDropAll.length > 0)
    details.push(
      `${containerList(
        missingDropAll,
      )} must set securityContext.capabilities.drop=["ALL"]`,
    );
  if (addingForbidden.length > 0)
    details.push(
      `${containerList(addingForbidden)} must not include ${joinQuote(
        sortedSet(forbidden),
      )} in securityContext.capabilities.add`,
    );
  if (details.length === 0) return ALLOWED;
  return {
    allowed: false,
    reason: 'unrestricted capabilities',
    detail: details.join('; '),
  };
}

const ALLOWED_VOLUME_SOURCES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

/** In the order the real check reports the first one it finds. */
const RESTRICTED_VOLUME_SOURCES = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
];

export function restrictedVolumes(
  _meta: JsonObject,
  spec: JsonObject,
): CheckResult {
  const bad: string[] = [];
  const types: string[] = [];
  for (const v of list(spec.volumes).map(obj)) {
    const sources = Object.keys(v).filter(k => k !== 'name' && isSet(v[k]));
    if (sources.some(s => ALLOWED_VOLUME_SOURCES.has(s))) continue;
    const type = RESTRICTED_VOLUME_SOURCES.find(s => sources.includes(s));
    // No known source at all: the API server defaults it to an emptyDir.
    if (!type) continue;
    bad.push(String(v.name ?? ''));
    types.push(type);
  }
  if (bad.length === 0) return ALLOWED;
  const typeSet = sortedSet(types);
  return {
    allowed: false,
    reason: 'restricted volume types',
    detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(
      bad,
    )} ${pluralize('uses', 'use', bad.length)} ${pluralize(
      'restricted volume type',
      'restricted volume types',
      typeSet.length,
    )} ${joinQuote(typeSet)}`,
  };
}

export function runAsNonRoot(_meta: JsonObject, spec: JsonObject): CheckResult {
  const setters: string[] = [];
  let podNonRoot = false;
  const podValue = podSecurityContext(spec)?.runAsNonRoot;
  if (isSet(podValue)) {
    if (podValue === false) setters.push('pod');
    else podNonRoot = true;
  }
  const explicit: string[] = [];
  const implicit: string[] = [];
  for (const c of containersOf(spec)) {
    const value = c.sc?.runAsNonRoot;
    if (isSet(value)) {
      if (value === false) explicit.push(c.name);
    } else if (!podNonRoot) {
      implicit.push(c.name);
    }
  }
  if (explicit.length > 0) setters.push(containerList(explicit));
  if (setters.length > 0)
    return {
      allowed: false,
      reason: 'runAsNonRoot != true',
      detail: `${setters.join(
        ' and ',
      )} must not set securityContext.runAsNonRoot=false`,
    };
  if (implicit.length > 0)
    return {
      allowed: false,
      reason: 'runAsNonRoot != true',
      detail: `pod or ${containerList(
        implicit,
      )} must set securityContext.runAsNonRoot=true`,
    };
  return ALLOWED;
}

export function runAsUser(_meta: JsonObject, spec: JsonObject): CheckResult {
  const setters: string[] = [];
  if (podSecurityContext(spec)?.runAsUser === 0) setters.push('pod');
  const bad = containersOf(spec)
    .filter(c => c.sc?.runAsUser === 0)
    .map(c => c.name);
  if (bad.length > 0) setters.push(containerList(bad));
  if (setters.length === 0) return ALLOWED;
  return {
    allowed: false,
    reason: 'runAsUser=0',
    detail: `${setters.join(' and ')} must not set runAsUser=0`,
  };
}

export function seccompProfileRestricted(
  _meta: JsonObject,
  spec: JsonObject,
): CheckResult {
  // Restricted refuses what baseline refuses (Unconfined), then asks for a profile.
  const forbidden = seccompProfileBaseline(_meta, spec);
  if (!forbidden.allowed) return forbidden;
  const { unset } = explicitSeccompViolations(spec);
  if (unset.length > 0)
    return {
      allowed: false,
      reason: 'seccompProfile',
      detail: `pod or ${containerList(
        unset,
      )} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    };
  return ALLOWED;
}
