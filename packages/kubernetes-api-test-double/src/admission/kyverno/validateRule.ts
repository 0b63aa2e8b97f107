import { isPlainObject, JsonObject } from '../../types';
import { evaluateConditions } from './conditions';
import { matchPattern } from './matchPattern';
import {
  substituteAll,
  substituteMessage,
  UnsupportedExpression,
} from './variables';

export type RuleStatus = 'pass' | 'fail' | 'skip' | 'error';

export interface RuleResponse {
  name: string;
  status: RuleStatus;
  message: string;
}

const obj = (v: unknown): JsonObject => (isPlainObject(v) ? v : {});

/**
 * Whether the double can evaluate a rule at all. Rules it cannot are left
 * out, as if the policy did not have them: context entries (API calls,
 * ConfigMaps, image data), `foreach`, CEL, `podSecurity`, `manifests` and
 * `assert` validations, and mutate/generate/verifyImages rules.
 */
export function isSupportedValidateRule(rule: JsonObject): boolean {
  if (!isPlainObject(rule.validate)) return false;
  if (Array.isArray(rule.context) && rule.context.length > 0) return false;
  const v = rule.validate;
  return (
    v.pattern !== undefined ||
    Array.isArray(v.anyPattern) ||
    isPlainObject(v.deny)
  );
}

function buildErrorMessage(
  rule: JsonObject,
  message: string,
  path: string,
  error: string,
): string {
  const name = String(rule.name);
  if (message === '')
    return path
      ? `validation error: rule ${name} failed at path ${path}`
      : `validation error: rule ${name} execution error: ${error}`;
  const msg = message.endsWith('.') ? message : `${message}.`;
  return path
    ? `validation error: ${msg} rule ${name} failed at path ${path}`
    : `validation error: ${msg} rule ${name} execution error: ${error}`;
}

function anyPatternMessage(message: string, errors: string[]): string {
  const joined = errors.join(' ');
  if (message === '') return `validation error: ${joined}`;
  if (message.endsWith('.')) return `validation error: ${message} ${joined}`;
  return `validation error: ${message}. ${joined}`;
}

/**
 * Evaluates one validate rule against the resource in `root.request.object`
 * (Kyverno's variables root). Returns undefined when the rule uses
 * something the double cannot evaluate.
 */
export function validateRule(
  rule: JsonObject,
  root: JsonObject,
): RuleResponse | undefined {
  if (!isSupportedValidateRule(rule)) return undefined;
  const name = String(rule.name ?? '');
  const v = obj(rule.validate);
  const message = () => substituteMessage(String(v.message ?? ''), root);
  const resource = obj(root.request).object;
  try {
    if (rule.preconditions !== undefined) {
      const pre = evaluateConditions(rule.preconditions, root);
      if (!pre.result)
        return {
          name,
          status: 'skip',
          message: ['preconditions not met', pre.message]
            .filter(Boolean)
            .join('; '),
        };
    }
    if (isPlainObject(v.deny)) {
      const deny = evaluateConditions(v.deny.conditions ?? {}, root);
      if (!deny.result)
        return {
          name,
          status: 'pass',
          message: `validation rule '${name}' passed.`,
        };
      const text = [String(v.message ?? ''), deny.message]
        .filter(Boolean)
        .join('; ');
      return {
        name,
        status: 'fail',
        message:
          text === ''
            ? `validation error: rule ${name} failed`
            : substituteMessage(text, root),
      };
    }
    if (v.pattern !== undefined) {
      const pattern = substituteAll(v.pattern, root);
      const failure = matchPattern(resource, pattern);
      if (!failure)
        return {
          name,
          status: 'pass',
          message: `validation rule '${name}' passed.`,
        };
      if (failure.skip)
        return { name, status: 'skip', message: failure.message };
      return {
        name,
        status: failure.path ? 'fail' : 'error',
        message: buildErrorMessage(
          rule,
          message(),
          failure.path,
          failure.message,
        ),
      };
    }
    const failed: string[] = [];
    const skipped: string[] = [];
    const patterns = (v.anyPattern as unknown[]).map(p =>
      substituteAll(p, root),
    );
    for (const [i, pattern] of patterns.entries()) {
      const failure = matchPattern(resource, pattern);
      if (!failure)
        return {
          name,
          status: 'pass',
          message: `validation rule '${name}' anyPattern[${i}] passed.`,
        };
      if (failure.skip)
        skipped.push(`rule ${name}[${i}] skipped: ${failure.message}`);
      else if (failure.path)
        failed.push(`rule ${name}[${i}] failed at path ${failure.path}`);
      else failed.push(`rule ${name}[${i}] failed: ${failure.message}`);
    }
    if (failed.length === 0 && skipped.length > 0)
      return { name, status: 'skip', message: skipped.join(' ') };
    if (failed.length === 0)
      return { name, status: 'pass', message: message() };
    return {
      name,
      status: 'fail',
      message: anyPatternMessage(message(), failed),
    };
  } catch (e) {
    if (e instanceof UnsupportedExpression) return undefined;
    throw e;
  }
}
