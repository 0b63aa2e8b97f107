import { REDACTED } from '../secrets/redact';
import { redactLogLines } from './redactLog';

const one = (line: string) => redactLogLines([line]).lines[0];

describe('redactLogLines', () => {
  it('redacts a JSON line by the YAML rules: secret keys, not references', () => {
    const line =
      '{"level":"info","msg":"connecting","user":"ledger","password":"l3dger-s3cret","passwordSecretRef":"db-pw"}';
    const out = one(line);
    expect(out).not.toContain('l3dger-s3cret');
    expect(JSON.parse(out)).toEqual({
      level: 'info',
      msg: 'connecting',
      user: 'ledger',
      password: REDACTED,
      passwordSecretRef: 'db-pw',
    });
  });

  it('keeps clean JSON lines byte for byte', () => {
    const line = '{"level":"info",  "msg":"ready"}';
    expect(one(line)).toBe(line);
  });

  it('redacts key=value and key: value pairs, keeping settings about secrets', () => {
    expect(one('level=error msg="auth failed" api_key=abc123 user=jane')).toBe(
      `level=error msg="auth failed" api_key=${REDACTED} user=jane`,
    );
    expect(one('token: "eyJhbGciOi" tokenTTLSeconds=300')).toBe(
      `token: "${REDACTED}" tokenTTLSeconds=300`,
    );
    expect(one('GET /callback?code=1&client_secret=s3cr3t&state=x')).toBe(
      `GET /callback?code=1&client_secret=${REDACTED}&state=x`,
    );
    // A number under a key naming the secret is the secret; a length is not.
    expect(one('password=123456 passwordLength=32')).toBe(
      `password=${REDACTED} passwordLength=32`,
    );
  });

  it('redacts URL credentials and bearer tokens in free text', () => {
    expect(
      one('dial postgres://ledger:hunter2@db.payments.svc:5432/ledger failed'),
    ).toBe(
      `dial postgres://ledger:${REDACTED}@db.payments.svc:5432/ledger failed`,
    );
    expect(one('sending Authorization: Bearer eyJ.abc-123_x')).not.toContain(
      'eyJ.abc-123_x',
    );
  });

  it('withholds PEM blocks from BEGIN to END and counts changed lines', () => {
    const result = redactLogLines([
      'loaded key:',
      '-----BEGIN PRIVATE KEY-----',
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
      '-----END PRIVATE KEY-----',
      'level=info msg=ready',
    ]);
    expect(result.lines).toEqual([
      'loaded key:',
      REDACTED,
      REDACTED,
      REDACTED,
      'level=info msg=ready',
    ]);
    expect(result.redactedLines).toBe(3);
  });

  it('leaves ordinary lines alone', () => {
    const lines = [
      'level=info msg="listening" addr=:8080',
      'panic: runtime error: index out of range [3] with length 3',
      'secretName=db-conn tokenRef=abc',
    ];
    expect(redactLogLines(lines)).toEqual({ lines, redactedLines: 0 });
  });
});
