export {
  isServiceProxy,
  serviceProxy,
  DATA_START_ANNOTATION,
} from './serviceProxy';
export { PRICES } from './allocations';
