/**
 * Ids of Paved's cards on an entity's Overview, so the summary's chips can
 * link to the detail on the same page (`#paved-workload-health`).
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
} as const;
