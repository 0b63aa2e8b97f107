import { mockCredentials } from '@backstage/backend-test-utils';
import { InputError, NotFoundError, ResponseError } from '@backstage/errors';
import { entityAsUser } from './entityAsUser';

const credentials = mockCredentials.user();

function catalogAnswering(answer: () => Promise<any>) {
  const getEntityByRef = jest.fn(answer);
  return { catalog: { getEntityByRef } as any, getEntityByRef };
}

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('entityAsUser', () => {
  it('reads the entity as the user', async () => {
    const entity = { kind: 'Component', metadata: { name: 'a' } };
    const { catalog, getEntityByRef } = catalogAnswering(async () => entity);
    const ref = { kind: 'component', namespace: 'default', name: 'a' };
    await expect(entityAsUser(catalog, ref, credentials)).resolves.toBe(entity);
    expect(getEntityByRef).toHaveBeenCalledWith(ref, { credentials });
  });

  it('answers 404 for an entity the user cannot see', async () => {
    const { catalog } = catalogAnswering(async () => undefined);
    const error = await errorOf(
      entityAsUser(
        catalog,
        { kind: 'component', namespace: 'default', name: 'a' },
        credentials,
      ),
    );
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it.each([
    [
      'name',
      { kind: 'component', namespace: 'default', name: 'a\u0000b' },
      /name: control character/,
    ],
    [
      'name',
      { kind: 'component', namespace: 'default', name: 'a\nb' },
      /name: control character/,
    ],
    [
      'namespace',
      { kind: 'component', namespace: 'def\u007fault', name: 'a' },
      /namespace: control character/,
    ],
    [
      'kind',
      { kind: 'comp\u0001onent', namespace: 'default', name: 'a' },
      /kind: control character/,
    ],
    [
      'name',
      { kind: 'component', namespace: 'default', name: 'a'.repeat(64) },
      /name: at most 63 characters, got 64/,
    ],
    [
      'namespace',
      { kind: 'component', namespace: 'n'.repeat(10_000), name: 'a' },
      /namespace: at most 63 characters, got 10000/,
    ],
    [
      'kind',
      { kind: 'k'.repeat(64), namespace: 'default', name: 'a' },
      /kind: at most 63 characters/,
    ],
  ])(
    'refuses a bad entity %s before asking the catalog',
    async (_part, ref, message) => {
      const { catalog, getEntityByRef } = catalogAnswering(async () => {
        throw new Error('the catalog must not be asked');
      });
      const error = await errorOf(entityAsUser(catalog, ref, credentials));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(message);
      expect(error.message.length).toBeLessThan(300);
      expect(getEntityByRef).not.toHaveBeenCalled();
    },
  );

  it('turns a catalog 400 into an InputError naming the entity ref', async () => {
    const { catalog } = catalogAnswering(async () => {
      throw await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: { name: 'InputError', message: 'Malformed entity name' },
            request: { method: 'GET', url: '/entities/by-name/x' },
            response: { statusCode: 400 },
          }),
          {
            status: 400,
            statusText: 'Bad Request',
            headers: { 'content-type': 'application/json' },
          },
        ) as any,
      );
    });
    const error = await errorOf(
      entityAsUser(
        catalog,
        { kind: 'component', namespace: 'default', name: 'a.b' },
        credentials,
      ),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /The catalog refused the entity ref component:default\/a\.b.*Malformed entity name/,
    );
  });

  it('passes other catalog failures on as they are', async () => {
    const failure = new Error('catalog down');
    const { catalog } = catalogAnswering(async () => {
      throw failure;
    });
    const error = await errorOf(
      entityAsUser(
        catalog,
        { kind: 'component', namespace: 'default', name: 'a' },
        credentials,
      ),
    );
    expect(error).toBe(failure);
  });
});
