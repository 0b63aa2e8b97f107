import { isQuantity, parseQuantity } from '@paved/plugin-paved-common';
import { formatBytes, formatCpu } from '../common/format';

const CPU = /(^|\.)cpu$/;
const BYTES = /(^|\.|\/)(memory|storage|ephemeral-storage)$/;

/**
 * A quota value as the other cards write the same quantity: CPU in cores,
 * memory and storage in binary units, counts (pods, services) as they are.
 */
export function formatQuotaValue(resource: string, value: string): string {
  if (!isQuantity(value)) return value;
  if (CPU.test(resource)) return formatCpu(parseQuantity(value));
  if (BYTES.test(resource)) return formatBytes(parseQuantity(value));
  return value;
}
