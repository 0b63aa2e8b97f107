export { seedSyntheticPods } from './syntheticPods';
export type {
  SyntheticPodsOptions,
  SyntheticPodsResult,
} from './syntheticPods';
