import {
  BackstageCredentials,
  BackstageUserPrincipal,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  parseLocationRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_MARKDOWN_SOURCE,
  isAdrEntity,
} from '@paved/plugin-paved-common';
import type { Request, Router } from 'express';
import fs from 'node:fs/promises';
import path from 'node:path';
import { entityAsUser } from '../entityAsUser';

/** The file types served: the Markdown itself and the images it shows. */
const CONTENT_TYPES: Record<string, string> = {
  '.md': 'text/markdown; charset=utf-8',
  '.markdown': 'text/markdown; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/** Larger files are refused: these are records and their diagrams. */
export const ADR_FILE_MAX_BYTES = 5 * 1024 * 1024;

type Location = { type: string; target: string };

export interface AdrFile {
  body: Buffer;
  contentType: string;
}

function parseLocation(value: string, base?: Location): Location {
  if (value.includes(':/')) {
    const { type, target } = parseLocationRef(value);
    return { type, target };
  }
  if (base?.type === 'file') {
    return {
      type: 'file',
      target: path.resolve(path.dirname(base.target), value),
    };
  }
  if (base?.type === 'url') {
    return { type: 'url', target: new URL(value, base.target).toString() };
  }
  throw new NotFoundError(`Cannot resolve the Markdown source "${value}"`);
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return (
    relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
  );
}

/**
 * Reads an ADR's Markdown file, and the files (images) it links to relative
 * to itself, for the signed-in user: the ADR entity is read from the catalog
 * with their credentials, so a record they may not see is not there.
 *
 * - `url:` sources are read with the backend's UrlReader (integrations and
 *   `backend.reading.allow` apply); a relative file must be on the same host.
 * - `file:` sources are read only for entities whose origin location is a
 *   `file:` location (those come from app-config; the catalog registers only
 *   `url` locations through its API by default), and only within the folder of
 *   that origin location file.
 *
 * Only Markdown and image files are served, at most 5 MiB.
 */
export class AdrSourceService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      reader: UrlReaderService;
    },
  ) {}

  async read(
    ref: { namespace: string; name: string },
    relativePath: string | undefined,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<AdrFile> {
    const entity = await entityAsUser(
      this.options.catalog,
      { kind: 'ADR', ...ref },
      credentials,
    );
    if (!isAdrEntity(entity)) {
      throw new NotFoundError(`No ADR ${ref.namespace}/${ref.name}`);
    }
    const annotations = entity.metadata.annotations ?? {};
    const sourceValue = annotations[ANNOTATION_MARKDOWN_SOURCE];
    if (!sourceValue) {
      throw new NotFoundError(
        `The ADR has no ${ANNOTATION_MARKDOWN_SOURCE} annotation`,
      );
    }
    const managedBy = annotations[ANNOTATION_LOCATION];
    const source = parseLocation(
      sourceValue,
      managedBy ? parseLocation(managedBy) : undefined,
    );
    const target = relativePath
      ? this.resolveRelative(source, relativePath)
      : source;
    const ext = path.extname(
      target.type === 'url' ? new URL(target.target).pathname : target.target,
    );
    const contentType = CONTENT_TYPES[ext.toLowerCase()];
    if (!contentType) {
      throw new InputError(
        `Only Markdown and images (${Object.keys(CONTENT_TYPES).join(
          ', ',
        )}) are served, not "${ext || relativePath}"`,
      );
    }
    const body =
      target.type === 'file'
        ? await this.readFile(
            target.target,
            annotations[ANNOTATION_ORIGIN_LOCATION],
          )
        : await this.readUrl(target.target);
    return { body, contentType };
  }

  private resolveRelative(source: Location, relativePath: string): Location {
    if (
      /^[a-z][a-z0-9+.-]*:/i.test(relativePath) ||
      relativePath.startsWith('/') ||
      relativePath.startsWith('\\') ||
      relativePath.includes('\0')
    ) {
      throw new InputError('The path must be relative to the ADR file');
    }
    const clean = relativePath.split(/[?#]/)[0];
    if (source.type === 'url') {
      const url = new URL(clean, source.target);
      if (url.origin !== new URL(source.target).origin) {
        throw new InputError('The path leaves the ADR repository host');
      }
      return { type: 'url', target: url.toString() };
    }
    if (source.type === 'file') {
      return {
        type: 'file',
        target: path.resolve(
          path.dirname(source.target),
          decodeURIComponent(clean),
        ),
      };
    }
    throw new InputError(`Cannot read ${source.type} locations`);
  }

  private async readFile(file: string, origin: string | undefined) {
    const originLocation = origin ? parseLocation(origin) : undefined;
    if (originLocation?.type !== 'file') {
      throw new NotAllowedError(
        'Local files are served only for entities configured from local files',
      );
    }
    let real: string;
    let root: string;
    try {
      real = await fs.realpath(file);
      root = path.dirname(await fs.realpath(originLocation.target));
    } catch {
      throw new NotFoundError(`No file ${path.basename(file)}`);
    }
    if (!isInside(root, real)) {
      throw new NotAllowedError(
        'The file is outside the folder of the location that registered the ADR',
      );
    }
    const stat = await fs.stat(real);
    if (!stat.isFile()) throw new NotFoundError('Not a file');
    if (stat.size > ADR_FILE_MAX_BYTES) {
      throw new InputError(`The file is over ${ADR_FILE_MAX_BYTES} bytes`);
    }
    return fs.readFile(real);
  }

  private async readUrl(url: string) {
    const response = await this.options.reader.readUrl(url);
    const body = await response.buffer();
    if (body.length > ADR_FILE_MAX_BYTES) {
      throw new InputError(`The file is over ${ADR_FILE_MAX_BYTES} bytes`);
    }
    return body;
  }
}

/** Adds `GET /adr/:namespace/:name/source[?path=relative/file.png]`. */
export function addAdrSourceRoutes(
  router: Router,
  deps: {
    credentials: (
      req: Request,
    ) => Promise<BackstageCredentials<BackstageUserPrincipal>>;
    adrSource: AdrSourceService;
  },
) {
  router.get('/adr/:namespace/:name/source', async (req, res) => {
    const credentials = await deps.credentials(req);
    const { namespace, name } = req.params;
    const relative =
      typeof req.query.path === 'string' && req.query.path
        ? req.query.path
        : undefined;
    const file = await deps.adrSource.read(
      { namespace, name },
      relative,
      credentials,
    );
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // An SVG opened on its own runs no script and loads nothing.
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    );
    res.setHeader('Cache-Control', 'private, max-age=60');
    res.end(file.body);
  });
}
