export {
  pavedHealthApiRef,
  PavedHealthClient,
  PavedHealthError,
} from './PavedHealthClient';
export type { PavedHealthApi } from './PavedHealthClient';
export type {
  PavedClusterError,
  PavedClusterResult,
  PavedClusterHealthResponse,
  PavedComponentHealthResponse,
} from './types';
