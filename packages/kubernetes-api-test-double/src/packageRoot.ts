import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = '@paved/kubernetes-api-test-double';

/**
 * The package's own directory (where fixtures/ and tls/ live), found by
 * walking up from this file so it holds from src/ (tsx, jest) and dist/ alike.
 */
export function packageRoot(): string {
  // eslint-disable-next-line no-restricted-syntax -- no @backstage/backend-plugin-api here; the walk-up makes it build-safe
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, 'utf8')).name === PACKAGE_NAME
    )
      return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`cannot find the ${PACKAGE_NAME} package directory`);
    dir = parent;
  }
}
