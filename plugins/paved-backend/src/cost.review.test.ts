import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startPavedTestBackend } from './__testUtils__/testBackend';

// Review findings on the cost routes (issue #13): query parameters given
// twice or as arrays/objects, and label keys and values Kubernetes refuses,
// must be a 400 naming the part, not a 200 for something else.
jest.setTimeout(60_000);

const asUser = { Authorization: mockCredentials.user.header() };

describe('cost routes refuse what they cannot answer faithfully', () => {
  let server: any;

  beforeAll(async () => {
    // No cluster is needed: every refusal comes before a cluster is read.
    ({ server } = await startPavedTestBackend([], [], {
      cost: { labels: ['team', 'paved.dev/team'] },
    }));
  });

  const get = (path: string) =>
    request(server).get(`/api/paved${path}`).set(asUser);

  describe.each([
    '/cost/cluster/primary',
    '/cost/label/team/payments',
    '/cost/entity/default/group/payments-team',
  ])('%s', route => {
    it.each([
      ['?window=last7d&window=last30d', /window: give one value, got 2/],
      ['?window[]=last7d', /window: give one value, not an array/],
      ['?window[from]=last7d', /window: give one value, not an object/],
      ['?tz=UTC&tz=Europe/Paris', /tz: give one value, got 2/],
      ['?tz[]=UTC', /tz: give one value, not an array/],
    ])('refuses %s with a 400 naming the parameter', async (qs, message) => {
      const res = await get(`${route}${qs}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
    });
  });

  it.each([
    [
      '10 KB',
      'a'.repeat(10 * 1024),
      /label value: at most 63 characters, got 10240/,
    ],
    [
      '64 characters',
      'a'.repeat(64),
      /label value: at most 63 characters, got 64/,
    ],
    ['a NUL', 'team\u0000x', /label value: .*\[A-Za-z0-9\]/],
    ['quotes', '"payments"', /label value: .*\[A-Za-z0-9\]/],
    ['a trailing dash', 'payments-', /label value: .*start and end/],
    ['a space', 'pay ments', /label value: /],
  ])('refuses a label value with %s', async (_what, value, message) => {
    const res = await get(`/cost/label/team/${encodeURIComponent(value)}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
    // The message does not echo 10 KB back.
    expect(res.body.error.message.length).toBeLessThan(400);
  });

  it.each([
    [
      'a 64-character name',
      'a'.repeat(64),
      /label key: name part at most 63 characters/,
    ],
    ['a NUL', 'te\u0000am', /label key: name part/],
    [
      'an upper-case prefix',
      'Paved.dev/team',
      /label key: prefix .*DNS subdomain/,
    ],
    ['an empty name', 'paved.dev/', /label key: name part .*1-63/],
    [
      'a 254-character prefix',
      `${'a'.repeat(254)}/team`,
      /label key: prefix .*at most 253/,
    ],
    ['two slashes', 'a/b/c', /label key: /],
  ])('refuses a label key with %s', async (_what, key, message) => {
    const res = await get(`/cost/label/${encodeURIComponent(key)}/payments`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.message.length).toBeLessThan(400);
  });

  it('still answers valid keys and values, including a prefixed key', async () => {
    const plain = await get('/cost/label/team/team_payments.v2?window=last7d');
    expect(plain.status).toBe(200);
    expect(plain.body.window.kind).toBe('last7d');
    const prefixed = await get('/cost/label/paved.dev%2Fteam/Payments-1');
    expect(prefixed.status).toBe(200);
  });

  it('keeps the allow-list refusal for a valid key not configured', async () => {
    const res = await get('/cost/label/app/x');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/paved\.cost\.labels/);
  });
});
