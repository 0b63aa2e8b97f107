// Name rules and messages from apimachinery's util/validation, so clients that
// match on message text see what a real server says.

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?';

const full = (re: string) => new RegExp(`^${re}$`);

export function dns1123LabelError(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!full(DNS1123_LABEL).test(value)) {
    return `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '${DNS1123_LABEL}')`;
  }
  return undefined;
}

export function dns1123SubdomainError(value: string): string | undefined {
  if (value.length > 253) return 'must be no more than 253 characters';
  if (!full(DNS1123_SUBDOMAIN).test(value)) {
    return `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${DNS1123_SUBDOMAIN}')`;
  }
  return undefined;
}

export function dns1035LabelError(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!full(DNS1035_LABEL).test(value)) {
    return `a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '${DNS1035_LABEL}')`;
  }
  return undefined;
}

export function pathSegmentNameError(value: string): string | undefined {
  if (value === '.' || value === '..') return `may not be '${value}'`;
  for (const bad of ['/', '%']) {
    if (value.includes(bad)) return `may not contain '${bad}'`;
  }
  return undefined;
}

/** Label and annotation keys: an optional DNS subdomain prefix and a name. */
export function qualifiedNameError(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length > 2) {
    return `a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '${QUALIFIED_NAME}') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`;
  }
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    if (parts[0].length === 0) return 'prefix part must be non-empty';
    const prefixErr = dns1123SubdomainError(parts[0]);
    if (prefixErr) return `prefix part ${prefixErr}`;
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!full(QUALIFIED_NAME).test(name)) {
    return `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '${QUALIFIED_NAME}')`;
  }
  return undefined;
}

export function labelValueError(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!full(LABEL_VALUE).test(value)) {
    return `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '${LABEL_VALUE}')`;
  }
  return undefined;
}
