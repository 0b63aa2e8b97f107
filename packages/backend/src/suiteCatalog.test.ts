import { Entity } from '@backstage/catalog-model';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

// catalog-info.yaml registers Paved itself: a System and a Component per
// workspace package. This keeps the two in step as packages are added.
const repoRoot = path.resolve(__dirname, '../../..');

/** Every workspace package, as `packages/app`, `plugins/paved`, ... */
function workspaceFolders(): string[] {
  return ['packages', 'plugins'].flatMap(parent =>
    readdirSync(path.join(repoRoot, parent), { withFileTypes: true })
      .filter(d => d.isDirectory())
      .filter(d =>
        existsSync(path.join(repoRoot, parent, d.name, 'package.json')),
      )
      .map(d => `${parent}/${d.name}`),
  );
}

// Each package's Component names its folder in this annotation.
const PACKAGE_FOLDER = 'paved.dev/package-folder';

const entities = parseAllDocuments(
  readFileSync(path.join(repoRoot, 'catalog-info.yaml'), 'utf8'),
).map(doc => doc.toJS() as Entity);

describe('catalog-info.yaml', () => {
  it('has a Component in the paved system for every workspace package', () => {
    const components = entities.filter(e => e.kind === 'Component');
    const registered = components.map(
      e => e.metadata.annotations?.[PACKAGE_FOLDER],
    );
    const missing = workspaceFolders().filter(f => !registered.includes(f));
    expect(missing).toEqual([]);
    // ...and no Component names a folder that is not a package.
    expect(
      registered.filter(f => !f || !workspaceFolders().includes(f)),
    ).toEqual([]);
    for (const component of components) {
      expect(component.spec?.system).toBe('paved');
    }
  });

  it('points the suite at its TechDocs', () => {
    const system = entities.find(e => e.kind === 'System');
    expect(system?.metadata.name).toBe('paved');
    expect(system?.metadata.annotations?.['backstage.io/techdocs-ref']).toBe(
      'dir:.',
    );
    expect(existsSync(path.join(repoRoot, 'mkdocs.yml'))).toBe(true);
  });
});
