import Ajv from 'ajv';
import envelope from './crds/crossplane-claim-envelope.json';

// Claim kinds are defined per XRD, so only the envelope Crossplane gives every
// claim is known here; the API server checks the XRD's own fields on apply.
let compiled: ReturnType<Ajv['compile']> | undefined;

/** '' when the claim's envelope is valid, else every problem as `field: rule`. */
export function validateClaimEnvelope(claim: unknown): string {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(envelope);
  if (compiled(claim)) return '';
  return (compiled.errors ?? [])
    .map(e => {
      const field = e.instancePath.split('/').slice(1).join('.');
      const missing =
        e.keyword === 'required'
          ? (e.params as { missingProperty: string }).missingProperty
          : undefined;
      const at = [field, missing].filter(Boolean).join('.') || '(object)';
      return `${at}: ${missing ? 'is required' : e.message}`;
    })
    .join('; ');
}
