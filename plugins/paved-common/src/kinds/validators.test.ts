import {
  adrEntityV1alpha1Validator,
  roadmapEntityV1alpha1Validator,
} from './validators';

const adr = {
  apiVersion: 'paved.dev/v1alpha1',
  kind: 'ADR',
  metadata: { name: 'paved-adr-0001', title: 'Record architecture decisions' },
  spec: {
    owner: 'group:default/platform-team',
    status: 'accepted',
    number: 1,
    date: '2024-01-02',
    supersededBy: ['adr:default/paved-adr-0002'],
    decidesAbout: ['system:default/paved'],
  },
};

const roadmap = {
  apiVersion: 'paved.dev/v1alpha1',
  kind: 'Roadmap',
  metadata: { name: 'paved-roadmap' },
  spec: {
    owner: 'platform-team',
    phases: [
      {
        title: 'Phase 1',
        items: [
          {
            id: '1.1',
            title: 'Kinds',
            status: 'in-progress',
            dependsOn: ['other#2.1'],
            progress: { done: 1, total: 2 },
          },
        ],
      },
    ],
  },
};

describe('kind validators', () => {
  it('accept valid entities', async () => {
    await expect(adrEntityV1alpha1Validator.check(adr)).resolves.toBe(true);
    await expect(roadmapEntityV1alpha1Validator.check(roadmap)).resolves.toBe(
      true,
    );
  });

  it('ignore other kinds', async () => {
    await expect(adrEntityV1alpha1Validator.check(roadmap)).resolves.toBe(
      false,
    );
    await expect(
      roadmapEntityV1alpha1Validator.check({
        ...adr,
        kind: 'Component',
        apiVersion: 'backstage.io/v1alpha1',
      }),
    ).resolves.toBe(false);
  });

  it('reject an unknown status or a missing owner', async () => {
    await expect(
      adrEntityV1alpha1Validator.check({
        ...adr,
        spec: { ...adr.spec, status: 'maybe' },
      }),
    ).rejects.toThrow(/status/);
    const { owner: _owner, ...noOwner } = roadmap.spec;
    await expect(
      roadmapEntityV1alpha1Validator.check({ ...roadmap, spec: noOwner }),
    ).rejects.toThrow(/owner/);
    const badItem = {
      ...roadmap.spec,
      phases: [
        { title: 'P', items: [{ id: '1', title: 't', status: 'later' }] },
      ],
    };
    await expect(
      roadmapEntityV1alpha1Validator.check({ ...roadmap, spec: badItem }),
    ).rejects.toThrow();
  });
});
