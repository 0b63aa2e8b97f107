export type Representation =
  | { as: 'object'; format: 'json' | 'yaml' }
  | { as: 'Table'; version: 'v1' | 'v1beta1' }
  | { as: 'PartialObjectMetadata'; version: 'v1' | 'v1beta1' };

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)
    .map(part => {
      const [type, ...rest] = part.split(';').map(s => s.trim());
      const params: Record<string, string> = {};
      for (const p of rest) {
        const eq = p.indexOf('=');
        if (eq > 0) params[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
      }
      return { type: type.toLowerCase(), params };
    });
}

/**
 * Picks the first acceptable representation from an Accept header, like the
 * API server: JSON or YAML objects, or the meta.k8s.io Table and
 * PartialObjectMetadata(List) transformations kubectl and informers ask for.
 * Protobuf is not served, so clients that list it first fall through to JSON.
 * Undefined means nothing acceptable (406).
 */
export function negotiate(
  accept: string | undefined,
): Representation | undefined {
  if (!accept || accept.trim() === '') return { as: 'object', format: 'json' };
  for (const range of parseAccept(accept)) {
    const isJson = ['application/json', '*/*', 'application/*'].includes(
      range.type,
    );
    const isYaml = range.type === 'application/yaml';
    if (!isJson && !isYaml) continue;
    const as = range.params.as;
    if (!as) return { as: 'object', format: isYaml ? 'yaml' : 'json' };
    if (range.params.g !== 'meta.k8s.io' || !isJson) continue;
    const version = range.params.v;
    if (version !== 'v1' && version !== 'v1beta1') continue;
    if (as === 'Table') return { as: 'Table', version };
    if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') {
      return { as: 'PartialObjectMetadata', version };
    }
  }
  return undefined;
}
