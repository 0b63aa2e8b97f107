import { entityErrorMessage, pavedErrorMessage } from './pavedErrorMessage';

const texts = {
  task: 'read the widgets of Component:default/x',
  subject: 'Component:default/x',
  forbidden: { action: 'read widgets', permission: 'paved.widget.read' },
};

describe('pavedErrorMessage', () => {
  it.each([
    [401, 'You are not signed in, or your session expired: sign in again.'],
    [
      403,
      'You are not allowed to read widgets (permission paved.widget.read, and kubernetes.clusters.read to list clusters).',
    ],
    [
      404,
      'Component:default/x was not found in the catalog, or you cannot see it.',
    ],
    [
      400,
      'The Paved backend failed to read the widgets of Component:default/x (HTTP 400).',
    ],
    [
      503,
      'The Paved backend is unavailable: is @paved/plugin-paved-backend installed and running?',
    ],
    [
      500,
      'The Paved backend failed to read the widgets of Component:default/x (HTTP 500).',
    ],
  ])('words HTTP %s in the user’s terms', (status, message) => {
    expect(pavedErrorMessage(status, texts, 'from the backend')).toBe(message);
  });

  it('names who holds the permission, and passes the backend’s words where the feature says so', () => {
    const owned = {
      ...texts,
      forbidden: { ...texts.forbidden, holders: 'the owners' },
      backendSays: [404],
    };
    expect(pavedErrorMessage(403, owned)).toBe(
      'You are not allowed to read widgets (permission paved.widget.read: the owners have it), or to list clusters (kubernetes.clusters.read).',
    );
    expect(pavedErrorMessage(404, owned, 'No widget x')).toBe('No widget x');
    expect(pavedErrorMessage(404, owned)).toMatch(/was not found/);
    expect(
      pavedErrorMessage(403, { ...texts, backendSays: 'always' }, 'Nope'),
    ).toBe('Nope');
    expect(
      pavedErrorMessage(
        403,
        { ...texts, forbiddenBecause: why => `Refused: ${why}` },
        'the cluster said no',
      ),
    ).toBe('Refused: the cluster said no');
  });

  it('builds an entity message from the entity’s Kind:namespace/name', () => {
    const message = entityErrorMessage(ref => ({
      task: `read ${ref}`,
      forbidden: 'no',
    }));
    expect(
      message(404, { kind: 'Resource', namespace: 'ops', name: 'db' }),
    ).toBe(
      'Resource:ops/db was not found in the catalog, or you cannot see it.',
    );
    expect(
      message(418, { kind: 'Resource', namespace: 'ops', name: 'db' }),
    ).toBe('The Paved backend failed to read Resource:ops/db (HTTP 418).');
  });
});
