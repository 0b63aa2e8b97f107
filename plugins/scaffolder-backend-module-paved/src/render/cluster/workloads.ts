import { renderSampleApp } from '../sampleApp';
import { RenderedFile } from '../types';
import type { BaselineContext } from './context';

/** The sample app in the prod namespace, wired to the chosen secrets and ingress. */
export function sampleAppFiles(b: BaselineContext): RenderedFile[] {
  const c = b.input;
  return renderSampleApp({
    namespace: b.prodNs.name,
    tier: c.tier,
    cost: b.prodNs.cost,
    domain: c.domain,
    image: c.image,
    gatewayNamespace: 'platform',
    secrets: c.choices.secrets,
    ingress: c.choices.ingress,
  });
}
