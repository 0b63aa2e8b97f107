import { crossplaneObjects } from '../choiceObjects';
import { RenderedFile } from '../types';
import { manifestFile } from '../yaml';
import type { BaselineContext } from './context';

/** Tier 5: Crossplane's provider for the chosen cloud and the XBucket XRD. */
export function crossplaneFiles(b: BaselineContext): RenderedFile[] {
  if (b.input.tier < 5) return [];
  const crossplane = crossplaneObjects(b.input.choices.provider);
  return [
    manifestFile('manifests/crossplane/providers.yaml', crossplane.providers, [
      'crossplane',
    ]),
    manifestFile('manifests/crossplane/xrd.yaml', crossplane.xrd, [
      'crossplane',
    ]),
  ];
}
