import { InputError } from '@backstage/errors';
import express from 'express';
import request from 'supertest';
import { singleQueryParam } from './queryParams';

describe('singleQueryParam', () => {
  it('reads one value, or none', () => {
    expect(singleQueryParam({ window: 'last7d' }, 'window')).toBe('last7d');
    expect(singleQueryParam({ window: '' }, 'window')).toBe('');
    expect(singleQueryParam({}, 'window')).toBeUndefined();
    expect(singleQueryParam({ tz: 'UTC' }, 'window')).toBeUndefined();
  });

  it.each([
    [{ window: ['last7d', 'last30d'] }, /^window: give one value, got 2$/],
    [{ window: ['last7d'] }, /^window: give one value, not an array/],
    [{ window: { a: 'x' } }, /^window: give one value, not an object/],
  ])('refuses %j naming the parameter', (query, message) => {
    let error: unknown;
    try {
      singleQueryParam(query as any, 'window');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });

  // What Express itself hands a route for each spelling of the query string.
  it.each([
    ['?window=last7d&window=last30d', 'window: give one value, got 2'],
    ['?window[]=last7d', 'window: give one value, not an array'],
    ['?window[a]=last7d', 'window: give one value, not an object'],
    ['?window[0]=last7d', 'window: give one value, not an'],
  ])('refuses %s as Express parses it', async (qs, message) => {
    const app = express();
    app.get('/', (req, res) => {
      try {
        res.json({ value: singleQueryParam(req.query, 'window') ?? null });
      } catch (e) {
        res
          .status(400)
          .json({ name: (e as Error).name, message: (e as Error).message });
      }
    });
    const res = await request(app).get(`/${qs}`);
    expect(res.status).toBe(400);
    expect(res.body.name).toBe('InputError');
    expect(res.body.message).toContain(message);

    const ok = await request(app).get('/?window=last7d');
    expect(ok.body).toEqual({ value: 'last7d' });
  });
});
