import { configApiRef, useApiHolder } from '@backstage/core-plugin-api';
import { ComponentType, ReactNode } from 'react';
import { isPavedFeatureOn, PavedFeature } from './pavedFeatures';

/** Whether `feature` is on in the app's config (on when there is none). */
export function usePavedFeature(feature: PavedFeature): boolean {
  return isPavedFeatureOn(useApiHolder().get(configApiRef), feature);
}

/** Its children, or nothing when the app switched `feature` off. */
export function PavedFeatureGate(props: {
  feature: PavedFeature;
  children: ReactNode;
}) {
  return usePavedFeature(props.feature) ? <>{props.children}</> : null;
}

/**
 * `Component`, rendering nothing when the app switched `feature` off: what
 * the legacy plugin exports, so an app that lists a card of a feature it
 * switched off shows no dead card. Its hooks (and reads) never run then.
 */
export function withPavedFeature<P extends object>(
  feature: PavedFeature,
  Component: ComponentType<P>,
): (props: P) => JSX.Element {
  const Gated = (props: P) => (
    <PavedFeatureGate feature={feature}>
      <Component {...props} />
    </PavedFeatureGate>
  );
  Gated.displayName = `PavedFeature(${feature})`;
  return Gated;
}
