import { parse as parseYaml } from 'yaml';
import { isPlainObject, JsonObject } from '../types';
import { badRequest } from './status';

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** Decodes a JSON body, or YAML when the content type says so (apply bodies may be either). */
export function decodeBody(
  body: Buffer,
  contentType: string | undefined,
  yamlAllowed = false,
): unknown {
  const text = body.toString('utf8');
  const type = mediaType(contentType);
  try {
    if (yamlAllowed || type === 'application/yaml' || type.endsWith('+yaml')) {
      return parseYaml(text);
    }
    return JSON.parse(text);
  } catch (e) {
    const what = yamlAllowed
      ? 'error decoding YAML'
      : "couldn't get version/kind; json parse error";
    throw badRequest(`${what}: ${(e as Error).message}`);
  }
}

export function decodeObjectBody(
  body: Buffer,
  contentType: string | undefined,
  yamlAllowed = false,
): JsonObject {
  const value = decodeBody(body, contentType, yamlAllowed);
  if (!isPlainObject(value)) {
    throw badRequest(
      `Object 'Kind' is missing in '${body.toString('utf8').slice(0, 200)}'`,
    );
  }
  return value;
}
