import type { GitOpsEntityScope, GitOpsObjectRef } from './types';

/**
 * The Argo CD annotations of the Roadie Argo CD plugin, read the same way, so
 * an entity annotated for that plugin needs nothing more for Paved.
 *
 * @public
 */
export const ARGOCD_ANNOTATIONS = {
  /** Application names, comma separated. */
  appName: 'argocd/app-name',
  /** A label selector over Applications, e.g. `app.kubernetes.io/part-of=shop`. */
  appSelector: 'argocd/app-selector',
  /** The namespace the Applications live in (Argo CD's apps in any namespace). */
  appNamespace: 'argocd/app-namespace',
} as const;

/**
 * Labels and annotations Argo CD and Flux put on the objects they apply, and
 * on nothing else: how a workload or namespace says which GitOps object
 * manages it.
 *
 * @public
 */
export const GITOPS_TRACKING = {
  /** Argo CD's label tracking (the default before Argo CD 3). */
  argoInstanceLabel: 'argocd.argoproj.io/instance',
  /** Argo CD's annotation tracking: `<app>:<group>/<kind>:<namespace>/<name>`. */
  argoTrackingIdAnnotation: 'argocd.argoproj.io/tracking-id',
  fluxKustomizationName: 'kustomize.toolkit.fluxcd.io/name',
  fluxKustomizationNamespace: 'kustomize.toolkit.fluxcd.io/namespace',
  fluxHelmReleaseName: 'helm.toolkit.fluxcd.io/name',
  fluxHelmReleaseNamespace: 'helm.toolkit.fluxcd.io/namespace',
} as const;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// What a label selector may contain; the cluster checks the grammar itself.
const SELECTOR_CHARS = /^[A-Za-z0-9._/\-=!,() ]+$/;

/** An annotation an entity carries that Paved cannot read; the message names it. @public */
export class GitOpsAnnotationError extends Error {
  readonly name = 'GitOpsAnnotationError';
}

/**
 * The Argo CD part of an entity's GitOps scope. Throws a
 * {@link GitOpsAnnotationError} naming the annotation and the bad value.
 *
 * @public
 */
export function readArgoCdAnnotations(
  annotations: Record<string, string>,
): Pick<GitOpsEntityScope, 'appNames' | 'appSelector' | 'appNamespace'> {
  const appNames = (annotations[ARGOCD_ANNOTATIONS.appName] ?? '')
    .split(',')
    .map(n => n.trim())
    .filter(Boolean);
  for (const name of appNames) {
    if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
      throw new GitOpsAnnotationError(
        `'${name}' in annotation ${ARGOCD_ANNOTATIONS.appName} is not an Argo CD Application name (lower-case letters, digits, '-' and '.')`,
      );
    }
  }
  const appSelector = annotations[ARGOCD_ANNOTATIONS.appSelector]?.trim();
  if (appSelector !== undefined && appSelector !== '') {
    if (!SELECTOR_CHARS.test(appSelector)) {
      throw new GitOpsAnnotationError(
        `Annotation ${ARGOCD_ANNOTATIONS.appSelector} is not a label selector: '${appSelector}'`,
      );
    }
  }
  const appNamespace = annotations[ARGOCD_ANNOTATIONS.appNamespace]?.trim();
  if (appNamespace && !DNS_LABEL.test(appNamespace)) {
    throw new GitOpsAnnotationError(
      `Annotation ${ARGOCD_ANNOTATIONS.appNamespace} is not a namespace name: '${appNamespace}'`,
    );
  }
  return {
    appNames: [...new Set(appNames)],
    ...(appSelector ? { appSelector } : {}),
    ...(appNamespace ? { appNamespace } : {}),
  };
}

/** An Argo CD instance value: `<app>` or, for apps in any namespace, `<namespace>_<app>`. */
function argoApp(value: string): GitOpsObjectRef | undefined {
  const [first, second, ...more] = value.trim().split('_');
  if (more.length > 0) return undefined;
  if (second === undefined) {
    return DNS_SUBDOMAIN.test(first)
      ? { kind: 'Application', name: first }
      : undefined;
  }
  return DNS_LABEL.test(first) && DNS_SUBDOMAIN.test(second)
    ? { kind: 'Application', namespace: first, name: second }
    : undefined;
}

function fluxRef(
  kind: GitOpsObjectRef['kind'],
  name: string | undefined,
  namespace: string | undefined,
): GitOpsObjectRef | undefined {
  if (!name || !namespace) return undefined;
  if (!DNS_SUBDOMAIN.test(name) || !DNS_LABEL.test(namespace)) return undefined;
  return { kind, namespace, name };
}

/**
 * The GitOps objects an object's tracking labels and annotations name: Argo
 * CD's instance label or tracking-id annotation, Flux's kustomize and helm
 * name/namespace labels. Values that are not names are skipped: they were
 * not written by the controllers.
 *
 * @public
 */
export function trackingRefsOf(obj: {
  metadata?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
}): GitOpsObjectRef[] {
  const labels = obj.metadata?.labels ?? {};
  const annotations = obj.metadata?.annotations ?? {};
  const refs: (GitOpsObjectRef | undefined)[] = [];
  const trackingId = annotations[GITOPS_TRACKING.argoTrackingIdAnnotation];
  if (trackingId) refs.push(argoApp(trackingId.split(':')[0]));
  const instance = labels[GITOPS_TRACKING.argoInstanceLabel];
  if (instance) refs.push(argoApp(instance));
  refs.push(
    fluxRef(
      'Kustomization',
      labels[GITOPS_TRACKING.fluxKustomizationName],
      labels[GITOPS_TRACKING.fluxKustomizationNamespace],
    ),
    fluxRef(
      'HelmRelease',
      labels[GITOPS_TRACKING.fluxHelmReleaseName],
      labels[GITOPS_TRACKING.fluxHelmReleaseNamespace],
    ),
  );
  return uniqueRefs(refs.filter((r): r is GitOpsObjectRef => !!r));
}

const refKey = (r: GitOpsObjectRef) =>
  `${r.kind}/${r.namespace ?? ''}/${r.name}`;

/** Each reference once, in first-seen order. @public */
export function uniqueRefs(refs: GitOpsObjectRef[]): GitOpsObjectRef[] {
  const seen = new Map<string, GitOpsObjectRef>();
  for (const r of refs) if (!seen.has(refKey(r))) seen.set(refKey(r), r);
  return [...seen.values()];
}

/** Whether a reference names this object (a reference without namespace names it in any). @public */
export function refMatches(
  ref: GitOpsObjectRef,
  obj: { kind: string; namespace?: string; name: string },
): boolean {
  return (
    ref.kind === obj.kind &&
    ref.name === obj.name &&
    (ref.namespace === undefined || ref.namespace === obj.namespace)
  );
}
