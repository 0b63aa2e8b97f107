import { ApiError, Status } from '../http/status';
import { AdmissionHook, AdmissionRequest } from './types';

/** How the request log names a hook: its function name, or its position. */
export const hookName = (hook: AdmissionHook, index: number) =>
  `hook:${hook.name || index}`;

/**
 * Calls the `admission` hooks in order. A denial becomes a Status the way
 * the API server turns a webhook denial into one: the code (400 when unset
 * or below 400), the message as given, a reason only if the hook gives one.
 */
export function runHooks(
  hooks: AdmissionHook[],
  request: AdmissionRequest,
): string[] {
  const warnings: string[] = [];
  hooks.forEach((hook, i) => {
    const result = hook(request);
    if (result.allowed) {
      warnings.push(...(result.warnings ?? []));
      return;
    }
    const code =
      result.code !== undefined && result.code >= 400 ? result.code : 400;
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: result.message,
      code,
    };
    if (result.reason) status.reason = result.reason;
    throw new ApiError(status, hookName(hook, i));
  });
  return warnings;
}
