/**
 * Shared types and pure domain logic for Paved: the ADR and Roadmap kinds,
 * their JSON schemas and relation names, and the Markdown parsers that read
 * them.
 *
 * @packageDocumentation
 */

// Each folder's index.ts lists that folder's public names one by one, so a
// helper exported for a sibling file or a test stays internal. report.api.md
// shows the resulting surface; CI fails when it changes unreviewed.
export * from './kinds';
export * from './adr';
export * from './roadmap';
export * from './markdown';
export * from './tiers';
export * from './runbooks';
export * from './tenancy';
export * from './rbac';
export * from './clusters';
export * from './features';
export * from './health';
export * from './conformance';
export * from './crossplane';
export * from './cost';
export * from './network';
export * from './fleet';
export * from './evidence';
export * from './drift';
export * from './gitops';
export * from './kubernetes';
export * from './secrets';
// drift's field comparison, also used by scaffolder day 2 to preview an apply.
export { atomicListsOf, compareFields } from './drift/compare';
export type { CompareOptions, FieldDifference } from './drift/compare';
export type { PathSegment } from './drift/path';
