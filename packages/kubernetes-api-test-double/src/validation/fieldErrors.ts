/** One validation failure, shaped like apimachinery's field.Error. */
export interface FieldError {
  reason:
    | 'FieldValueRequired'
    | 'FieldValueInvalid'
    | 'FieldValueNotSupported'
    | 'FieldValueForbidden';
  field: string;
  /** Detail after the "Invalid value: ..." prefix; the full message is built by `errorMessage`. */
  detail: string;
  badValue?: unknown;
}

export const required = (field: string, detail = ''): FieldError => ({
  reason: 'FieldValueRequired',
  field,
  detail,
});

export const invalid = (
  field: string,
  badValue: unknown,
  detail: string,
): FieldError => ({
  reason: 'FieldValueInvalid',
  field,
  detail,
  badValue,
});

export const forbidden = (field: string, detail: string): FieldError => ({
  reason: 'FieldValueForbidden',
  field,
  detail,
});

function printValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** `Invalid value: "x": detail` — the cause message without the field. */
export function causeMessage(e: FieldError): string {
  switch (e.reason) {
    case 'FieldValueRequired':
      return e.detail ? `Required value: ${e.detail}` : 'Required value';
    case 'FieldValueForbidden':
      return `Forbidden: ${e.detail}`;
    case 'FieldValueNotSupported':
      return `Unsupported value: ${printValue(e.badValue)}: ${e.detail}`;
    default:
      return `Invalid value: ${printValue(e.badValue)}: ${e.detail}`;
  }
}

/** `metadata.name: Invalid value: "x": detail` — as listed in an Invalid Status message. */
export function errorMessage(e: FieldError): string {
  return `${e.field}: ${causeMessage(e)}`;
}
