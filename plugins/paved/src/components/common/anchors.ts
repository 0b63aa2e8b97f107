/**
 * Ids of Paved's cards and pages, so the summary's chips can link to the
 * detail on the same page (`#paved-workload-health`) and browser tests find
 * Paved's own elements.
 */
export const CARD_ANCHORS = {
  summary: 'paved-summary',
  workloadHealth: 'paved-workload-health',
  clusterHealth: 'paved-cluster-health',
  conformance: 'paved-conformance',
  cost: 'paved-cost',
  crossplane: 'paved-crossplane-claims',
  costContent: 'paved-cost-content',
  crossplaneContent: 'paved-crossplane-content',
  decisions: 'paved-decisions',
  adr: 'paved-adr',
  roadmap: 'paved-roadmap',
} as const;
