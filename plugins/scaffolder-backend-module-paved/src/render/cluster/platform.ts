import { addonFiles } from '../platform/addonFiles';
import { controlPlaneConfig } from '../platform/controlPlane';
import { RenderedFile } from '../types';
import type { BaselineContext } from './context';

/** The provider's control-plane settings (audit logging, OIDC) for the tier. */
export function controlPlaneFiles(b: BaselineContext): RenderedFile[] {
  const c = b.input;
  return controlPlaneConfig({
    cluster: c.name,
    tier: c.tier,
    region: c.region,
    provider: c.choices.provider,
  });
}

/** One file per add-on the tier and choices install (platform/addons.ts). */
export function addonManifestFiles(b: BaselineContext): RenderedFile[] {
  return addonFiles(b.addons, b.ctx);
}
