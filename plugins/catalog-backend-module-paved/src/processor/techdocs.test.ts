import { Entity } from '@backstage/catalog-model';
import { adrTechDocsMetadata, adrTechDocsPagePath } from './techdocs';

const parent = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'Paved', annotations },
  spec: { owner: 'group:default/platform-team' },
});

const fileLocation = { type: 'file', target: '/repo/catalog-info.yaml' };
const adrFile = {
  type: 'file',
  target: '/repo/docs/adr/0002-use-the-backstage-new-backend-system.md',
};

describe('ADR TechDocs pages', () => {
  it('is the file under docs/ when the parent has its own TechDocs', () => {
    expect(
      adrTechDocsPagePath(
        parent({ 'backstage.io/techdocs-ref': 'dir:.' }),
        fileLocation,
        adrFile,
      ),
    ).toBe('/adr/0002-use-the-backstage-new-backend-system/');
    expect(
      adrTechDocsMetadata(
        parent({ 'backstage.io/techdocs-ref': 'dir:.' }),
        fileLocation,
        adrFile,
        'http://localhost:3000/',
      ),
    ).toEqual({
      annotations: {
        'backstage.io/techdocs-entity': 'system:default/paved',
        'backstage.io/techdocs-entity-path':
          '/adr/0002-use-the-backstage-new-backend-system/',
      },
      link: {
        url: 'http://localhost:3000/docs/default/system/paved/adr/0002-use-the-backstage-new-backend-system/',
        title: 'Read in TechDocs',
        icon: 'docs',
        type: 'techdocs',
      },
    });
  });

  it('sets no link without the app base URL, the annotations still', () => {
    expect(
      adrTechDocsMetadata(
        parent({ 'backstage.io/techdocs-ref': 'dir:.' }),
        fileLocation,
        adrFile,
      ),
    ).toEqual({
      annotations: {
        'backstage.io/techdocs-entity': 'system:default/paved',
        'backstage.io/techdocs-entity-path':
          '/adr/0002-use-the-backstage-new-backend-system/',
      },
    });
  });

  it('has no page without techdocs-ref, or outside the docs folder', () => {
    expect(
      adrTechDocsPagePath(parent({}), fileLocation, adrFile),
    ).toBeUndefined();
    // techdocs-entity points at someone else's site: we cannot know its layout.
    expect(
      adrTechDocsPagePath(
        parent({ 'backstage.io/techdocs-entity': 'system:default/other' }),
        fileLocation,
        adrFile,
      ),
    ).toBeUndefined();
    expect(
      adrTechDocsPagePath(
        parent({ 'backstage.io/techdocs-ref': 'dir:.' }),
        fileLocation,
        { type: 'file', target: '/repo/decisions/0001-x.md' },
      ),
    ).toBeUndefined();
    expect(
      adrTechDocsPagePath(
        parent({ 'backstage.io/techdocs-ref': 'dir:./site' }),
        fileLocation,
        adrFile,
      ),
    ).toBeUndefined();
  });

  it('matches GitHub blob file URLs against a tree techdocs-ref', () => {
    const urlLocation = {
      type: 'url',
      target: 'https://github.com/o/r/blob/main/catalog-info.yaml',
    };
    const file = {
      type: 'url',
      target: 'https://github.com/o/r/blob/main/docs/decisions/0007-use-x.md',
    };
    expect(
      adrTechDocsPagePath(
        parent({ 'backstage.io/techdocs-ref': 'dir:.' }),
        urlLocation,
        file,
      ),
    ).toBe('/decisions/0007-use-x/');
    expect(
      adrTechDocsPagePath(
        parent({
          'backstage.io/techdocs-ref': 'url:https://github.com/o/r/tree/main',
        }),
        urlLocation,
        file,
      ),
    ).toBe('/decisions/0007-use-x/');
  });
});
