import { JsonObject } from '../../types';
import {
  ALLOWED,
  CheckFn,
  CheckResult,
  containerList,
  containersOf,
  goQuote,
  isSet,
  joinQuote,
  list,
  obj,
  pluralize,
  podSecurityContext,
  sortedSet,
} from './podSpec';

/*
 * The baseline level of the Pod Security Standards, check by check, with the
 * reasons and details kube-apiserver's PodSecurity admission prints.
 */

export function hostNamespaces(_meta: JsonObject, spec: JsonObject) {
  const used = (['hostNetwork', 'hostPID', 'hostIPC'] as const)
    .filter(f => spec[f] === true)
    .map(f => `${f}=true`);
  if (used.length === 0) return ALLOWED;
  return {
    allowed: false,
    reason: 'host namespaces',
    detail: used.join(', '),
  };
}

export function privileged(_meta: JsonObject, spec: JsonObject) {
  const bad = containersOf(spec)
    .filter(c => c.sc?.privileged === true)
    .map(c => c.name);
  if (bad.length === 0) return ALLOWED;
  return {
    allowed: false,
    reason: 'privileged',
    detail: `${containerList(
      bad,
    )} must not set securityContext.privileged=true`,
  };
}

const DEFAULT_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

export function capabilitiesBaseline(_meta: JsonObject, spec: JsonObject) {
  const bad: string[] = [];
  const caps: string[] = [];
  for (const c of containersOf(spec)) {
    if (!c.sc || !isSet(c.sc.capabilities)) continue;
    const added = list(obj(c.sc.capabilities).add).map(String);
    const extra = added.filter(a => !DEFAULT_CAPABILITIES.has(a));
    if (extra.length > 0) {
      bad.push(c.name);
      caps.push(...extra);
    }
  }
  if (bad.length === 0) return ALLOWED;
  return {
    allowed: false,
    reason: 'non-default capabilities',
    detail: `${containerList(bad)} must not include ${joinQuote(
      sortedSet(caps),
    )} in securityContext.capabilities.add`,
  };
}

export function hostPathVolumes(_meta: JsonObject, spec: JsonObject) {
  const bad = list(spec.volumes)
    .map(obj)
    .filter(v => isSet(v.hostPath))
    .map(v => String(v.name ?? ''));
  if (bad.length === 0) return ALLOWED;
  return {
    allowed: false,
    reason: 'hostPath volumes',
    detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)}`,
  };
}

export function hostPorts(_meta: JsonObject, spec: JsonObject) {
  const bad: string[] = [];
  const ports: string[] = [];
  for (const c of containersOf(spec)) {
    const used = list(c.raw.ports)
      .map(p => obj(p).hostPort)
      .filter(p => typeof p === 'number' && p !== 0);
    if (used.length > 0) {
      bad.push(c.name);
      ports.push(...used.map(String));
    }
  }
  if (bad.length === 0) return ALLOWED;
  const portSet = sortedSet(ports);
  return {
    allowed: false,
    reason: 'hostPort',
    detail: `${containerList(bad)} ${pluralize(
      'uses',
      'use',
      bad.length,
    )} ${pluralize('hostPort', 'hostPorts', portSet.length)} ${portSet.join(
      ', ',
    )}`,
  };
}

const APPARMOR_ANNOTATION_PREFIX =
  'container.apparmor.security.beta.kubernetes.io/';
const allowedAppArmorType = (t: unknown) =>
  t === 'RuntimeDefault' || t === 'Localhost';

export function appArmorProfile(meta: JsonObject, spec: JsonObject) {
  const setters: string[] = [];
  const values: string[] = [];
  const podProfile = podSecurityContext(spec)?.appArmorProfile;
  if (isSet(podProfile) && !allowedAppArmorType(obj(podProfile).type)) {
    setters.push('pod');
    values.push(String(obj(podProfile).type ?? ''));
  }
  const bad: string[] = [];
  for (const c of containersOf(spec)) {
    const profile = c.sc?.appArmorProfile;
    if (isSet(profile) && !allowedAppArmorType(obj(profile).type)) {
      bad.push(c.name);
      values.push(String(obj(profile).type ?? ''));
    }
  }
  if (bad.length > 0) setters.push(containerList(bad));
  const annotations = Object.entries(obj(meta.annotations))
    .filter(
      ([k, v]) =>
        k.startsWith(APPARMOR_ANNOTATION_PREFIX) &&
        !(
          v === '' ||
          v === 'runtime/default' ||
          String(v).startsWith('localhost/')
        ),
    )
    .map(([k, v]) => `${k}=${goQuote(String(v))}`)
    .sort();
  const badValues = [...sortedSet(values), ...annotations];
  if (annotations.length > 0)
    setters.push(pluralize('annotation', 'annotations', annotations.length));
  if (setters.length === 0) return ALLOWED;
  return {
    allowed: false,
    reason: pluralize(
      'forbidden AppArmor profile',
      'forbidden AppArmor profiles',
      badValues.length,
    ),
    detail: `${setters.join(
      ' and ',
    )} must not set AppArmor profile type to ${joinQuote(badValues)}`,
  };
}

export function procMount(_meta: JsonObject, spec: JsonObject) {
  const bad: string[] = [];
  const types: string[] = [];
  for (const c of containersOf(spec)) {
    const mount = c.sc?.procMount;
    if (!isSet(mount) || mount === 'Default') continue;
    bad.push(c.name);
    types.push(String(mount));
  }
  if (bad.length === 0) return ALLOWED;
  return {
    allowed: false,
    reason: 'procMount',
    detail: `${containerList(
      bad,
    )} must not set securityContext.procMount to ${joinQuote(
      sortedSet(types),
    )}`,
  };
}

const SELINUX_TYPES = new Set([
  '',
  'container_t',
  'container_init_t',
  'container_kvm_t',
]);

export function seLinuxOptions(_meta: JsonObject, spec: JsonObject) {
  const setters: string[] = [];
  const badTypes: string[] = [];
  let setUser = false;
  let setRole = false;
  const valid = (raw: unknown) => {
    const o = obj(raw);
    let ok = true;
    const type = typeof o.type === 'string' ? o.type : '';
    if (!SELINUX_TYPES.has(type)) {
      ok = false;
      badTypes.push(type);
    }
    if (typeof o.user === 'string' && o.user !== '') {
      ok = false;
      setUser = true;
    }
    if (typeof o.role === 'string' && o.role !== '') {
      ok = false;
      setRole = true;
    }
    return ok;
  };
  const podOpts = podSecurityContext(spec)?.seLinuxOptions;
  if (isSet(podOpts) && !valid(podOpts)) setters.push('pod');
  const bad = containersOf(spec)
    .filter(c => isSet(c.sc?.seLinuxOptions) && !valid(c.sc?.seLinuxOptions))
    .map(c => c.name);
  if (bad.length > 0) setters.push(containerList(bad));
  if (setters.length === 0) return ALLOWED;
  const data: string[] = [];
  const types = sortedSet(badTypes);
  if (types.length > 0)
    data.push(
      `${pluralize('type', 'types', types.length)} ${joinQuote(types)}`,
    );
  if (setUser) data.push('user may not be set');
  if (setRole) data.push('role may not be set');
  return {
    allowed: false,
    reason: 'seLinuxOptions',
    detail: `${setters.join(
      ' and ',
    )} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`,
  };
}

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION =
  'container.seccomp.security.alpha.kubernetes.io/';

export const validSeccompType = (t: unknown) =>
  t === 'RuntimeDefault' || t === 'Localhost';

/** Before v1.19 seccomp was set through annotations. */
export function seccompProfileBaselineAnnotations(
  meta: JsonObject,
  spec: JsonObject,
): CheckResult {
  const annotations = obj(meta.annotations);
  const valid = (v: unknown) =>
    v === 'runtime/default' ||
    v === 'docker/default' ||
    String(v).startsWith('localhost/');
  const forbidden: string[] = [];
  const check = (key: string) => {
    if (key in annotations && !valid(annotations[key]))
      forbidden.push(`${key}=${goQuote(String(annotations[key]))}`);
  };
  check(SECCOMP_POD_ANNOTATION);
  for (const c of containersOf(spec))
    check(SECCOMP_CONTAINER_ANNOTATION + c.name);
  const set = sortedSet(forbidden);
  if (set.length === 0) return ALLOWED;
  return {
    allowed: false,
    reason: 'seccompProfile',
    detail: `forbidden ${pluralize(
      'annotation',
      'annotations',
      set.length,
    )} ${set.join(', ')}`,
  };
}

/** Explicitly set seccomp types that are neither RuntimeDefault nor Localhost. */
export function explicitSeccompViolations(spec: JsonObject) {
  const setters: string[] = [];
  const values: string[] = [];
  const podProfile = podSecurityContext(spec)?.seccompProfile;
  let podValid = false;
  if (isSet(podProfile)) {
    if (validSeccompType(obj(podProfile).type)) podValid = true;
    else {
      setters.push('pod');
      values.push(String(obj(podProfile).type ?? ''));
    }
  }
  const bad: string[] = [];
  const unset: string[] = [];
  for (const c of containersOf(spec)) {
    const profile = c.sc?.seccompProfile;
    if (isSet(profile)) {
      if (!validSeccompType(obj(profile).type)) {
        bad.push(c.name);
        values.push(String(obj(profile).type ?? ''));
      }
    } else if (!podValid) {
      unset.push(c.name);
    }
  }
  if (bad.length > 0) setters.push(containerList(bad));
  return { setters, values: sortedSet(values), unset };
}

export function seccompProfileBaseline(
  _meta: JsonObject,
  spec: JsonObject,
): CheckResult {
  const { setters, values } = explicitSeccompViolations(spec);
  if (setters.length === 0) return ALLOWED;
  return {
    allowed: false,
    reason: 'seccompProfile',
    detail: `${setters.join(
      ' and ',
    )} must not set securityContext.seccompProfile.type to ${joinQuote(
      values,
    )}`,
  };
}

const SAFE_SYSCTLS_1_0 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];
const SAFE_SYSCTLS_1_27 = [
  ...SAFE_SYSCTLS_1_0,
  'net.ipv4.ip_local_reserved_ports',
];
const SAFE_SYSCTLS_1_29 = [
  ...SAFE_SYSCTLS_1_27,
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];

function sysctlsCheck(allowed: string[]): CheckFn {
  const safe = new Set(allowed);
  return (_meta, spec) => {
    const forbidden = list(podSecurityContext(spec)?.sysctls)
      .map(s => String(obj(s).name ?? ''))
      .filter(n => !safe.has(n));
    if (forbidden.length === 0) return ALLOWED;
    return {
      allowed: false,
      reason: 'forbidden sysctls',
      detail: forbidden.join(', '),
    };
  };
}
export const sysctls1_0 = sysctlsCheck(SAFE_SYSCTLS_1_0);
export const sysctls1_27 = sysctlsCheck(SAFE_SYSCTLS_1_27);
export const sysctls1_29 = sysctlsCheck(SAFE_SYSCTLS_1_29);

export function windowsHostProcess(_meta: JsonObject, spec: JsonObject) {
  const hostProcess = (sc: JsonObject | undefined) =>
    obj(sc?.windowsOptions).hostProcess === true;
  const setters: string[] = [];
  if (hostProcess(podSecurityContext(spec))) setters.push('pod');
  const bad = containersOf(spec)
    .filter(c => hostProcess(c.sc))
    .map(c => c.name);
  if (bad.length > 0) setters.push(containerList(bad));
  if (setters.length === 0) return ALLOWED;
  return {
    allowed: false,
    reason: 'hostProcess',
    detail: `${setters.join(
      ' and ',
    )} must not set securityContext.windowsOptions.hostProcess=true`,
  };
}
