import { JsonObject } from '@backstage/types';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  Entity,
  getCompoundEntityRef,
  parseLocationRef,
  stringifyEntityRef,
  stringifyLocationRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  adrEntityV1alpha1Validator,
  ADR_KIND,
  ANNOTATION_ADR_LOCATION,
  ANNOTATION_IMPORTED_FOR,
  ANNOTATION_MARKDOWN_SOURCE,
  ANNOTATION_ROADMAP_LOCATION,
  decodeMarkdownSource,
  findRoadmapProblems,
  isAdrEntity,
  isRoadmapEntity,
  MarkdownParseResult,
  parseAdrMarkdown,
  parseRoadmapMarkdown,
  PAVED_API_VERSION,
  readRoadmapVocabulary,
  ROADMAP_KIND,
  ROADMAP_VOCABULARY_ANNOTATIONS,
  roadmapEntityV1alpha1Validator,
  RoadmapVocabulary,
} from '@paved/plugin-paved-common';
import { withAdr, withRoadmap } from './fromMarkdown';
import { adrEntityName, roadmapEntityName } from './naming';
import { listAdrFiles, readSource } from './readSource';
import { pavedRelations } from './relations';
import { resolveTarget } from './resolveTarget';
import { adrTechDocsMetadata } from './techdocs';

const DECIDABLE_KINDS = new Set(['component', 'system', 'resource']);

function sourceName(location: LocationSpec): string {
  return stringifyLocationRef(location);
}

/**
 * Validates the ADR and Roadmap kinds, emits their relations, and imports
 * them from Markdown.
 *
 * Import is in two steps so that one bad file never hides the others: an
 * entity with `paved.dev/adr-location` or `paved.dev/roadmap-location` emits
 * one bare ADR or Roadmap entity per file, pointing at it with
 * `paved.dev/markdown-source`; each of those is then read and parsed in its
 * own processing, where a failure is recorded on that entity alone.
 */
export class PavedEntitiesProcessor implements CatalogProcessor {
  constructor(
    private readonly options: {
      reader: UrlReaderService;
      /** The app's URL, for links to TechDocs pages; none without it. */
      appBaseUrl?: string;
      /**
       * `paved.roadmaps` config (see `roadmapVocabularyFromConfig`): id
       * patterns and words for every roadmap; annotations override them.
       */
      roadmaps?: RoadmapVocabulary;
    },
  ) {}

  getProcessorName(): string {
    return 'PavedEntitiesProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (await adrEntityV1alpha1Validator.check(entity)) {
      return true;
    }
    if (!(await roadmapEntityV1alpha1Validator.check(entity))) {
      return false;
    }
    const problems = findRoadmapProblems(
      isRoadmapEntity(entity) ? entity.spec.phases : [],
    );
    if (problems.length) {
      const source = entity.metadata.annotations?.[ANNOTATION_MARKDOWN_SOURCE];
      throw new InputError(
        `${source ?? stringifyEntityRef(entity)}: ${problems.join('; ')}`,
      );
    }
    return true;
  }

  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
  ): Promise<Entity> {
    const source = entity.metadata.annotations?.[ANNOTATION_MARKDOWN_SOURCE];
    if (!source || entity.apiVersion !== PAVED_API_VERSION) {
      return entity;
    }
    if (entity.kind !== ADR_KIND && entity.kind !== ROADMAP_KIND) {
      return entity;
    }
    const sourceLocation = source.includes(':/')
      ? parseLocationRef(source)
      : resolveTarget(source, location);
    const name = sourceName(sourceLocation);
    const fail = (message: string, line?: number): never => {
      throw new InputError(`${name}${line ? ` line ${line}` : ''}: ${message}`);
    };
    let bytes: Uint8Array;
    try {
      bytes = await readSource(sourceLocation, this.options.reader);
    } catch (error) {
      return fail(`could not read: ${(error as Error).message}`);
    }
    const text = decodeMarkdownSource(bytes);
    if (!text.ok) {
      return fail(text.error.message);
    }
    const unwrap = <T>(result: MarkdownParseResult<T>): T =>
      result.ok ? result.value : fail(result.error.message, result.error.line);
    if (entity.kind === ADR_KIND) {
      return withAdr(
        entity,
        unwrap(
          parseAdrMarkdown(text.value, { fileName: sourceLocation.target }),
        ),
      );
    }
    // The house style of this roadmap: its annotations (copied from the
    // entity that imported it) over the module's config.
    const vocabulary = readRoadmapVocabulary(
      entity.metadata.annotations,
      this.options.roadmaps,
    );
    return withRoadmap(
      entity,
      unwrap(
        parseRoadmapMarkdown(text.value, {
          vocabulary: unwrap(vocabulary),
        }),
      ),
    );
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (isAdrEntity(entity) || isRoadmapEntity(entity)) {
      for (const relation of pavedRelations(entity)) {
        emit(processingResult.relation(relation));
      }
      return entity;
    }
    const annotations = entity.metadata.annotations ?? {};
    if (annotations[ANNOTATION_ADR_LOCATION]) {
      await this.emitAdrs(
        entity,
        annotations[ANNOTATION_ADR_LOCATION],
        location,
        emit,
      );
    }
    if (annotations[ANNOTATION_ROADMAP_LOCATION]) {
      this.emitRoadmap(
        entity,
        annotations[ANNOTATION_ROADMAP_LOCATION],
        location,
        emit,
      );
    }
    return entity;
  }

  /** What an imported entity inherits from the entity that asked for it. */
  private stub(
    parent: Entity,
    kind: string,
    name: string,
    file: LocationSpec,
    parentLocation: LocationSpec,
  ): Entity {
    const parentRef = stringifyEntityRef(parent);
    const owner =
      typeof parent.spec?.owner === 'string' ? parent.spec.owner : parentRef; // a Group or User owns what it points at
    const spec: JsonObject = { owner };
    if (kind === ADR_KIND) {
      spec.status = 'proposed';
      spec.decidesAbout = DECIDABLE_KINDS.has(parent.kind.toLowerCase())
        ? [parentRef]
        : [];
    } else {
      spec.phases = [];
    }
    const stub: Entity = {
      apiVersion: PAVED_API_VERSION,
      kind,
      metadata: {
        name,
        namespace: getCompoundEntityRef(parent).namespace,
        annotations: {
          [ANNOTATION_MARKDOWN_SOURCE]: stringifyLocationRef(file),
          [ANNOTATION_IMPORTED_FOR]: parentRef,
        },
      },
      spec,
    };
    // A roadmap is read in the house style its parent's annotations give.
    if (kind === ROADMAP_KIND) {
      for (const key of ROADMAP_VOCABULARY_ANNOTATIONS) {
        const value = parent.metadata.annotations?.[key];
        if (value !== undefined) stub.metadata.annotations![key] = value;
      }
    }
    // An ADR that is also a page of the parent's TechDocs links to it.
    const docs =
      kind === ADR_KIND
        ? adrTechDocsMetadata(
            parent,
            parentLocation,
            file,
            this.options.appBaseUrl,
          )
        : undefined;
    if (docs) {
      Object.assign(stub.metadata.annotations!, docs.annotations);
      if (docs.link) stub.metadata.links = [docs.link];
    }
    return stub;
  }

  private async emitAdrs(
    parent: Entity,
    value: string,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ) {
    let folder: LocationSpec;
    let files: LocationSpec[];
    try {
      folder = resolveTarget(value, location);
      files = await listAdrFiles(folder, this.options.reader);
    } catch (error) {
      emit(
        processingResult.generalError(
          location,
          `${ANNOTATION_ADR_LOCATION} "${value}": could not list ADRs: ${
            (error as Error).message
          }`,
        ),
      );
      return;
    }
    for (const file of files) {
      const fileName = file.target.split(/[\\/]/).pop()!;
      const number = /^(?:ADR[-_]?)?(\d{1,6})[-_.]/i.exec(fileName)?.[1];
      const name = adrEntityName(
        parent.metadata.name,
        number === undefined ? fileName : Number(number),
      );
      emit(
        processingResult.entity(
          file,
          this.stub(parent, ADR_KIND, name, file, location),
        ),
      );
    }
  }

  private emitRoadmap(
    parent: Entity,
    value: string,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ) {
    let file: LocationSpec;
    try {
      file = resolveTarget(value, location);
    } catch (error) {
      emit(
        processingResult.generalError(
          location,
          `${ANNOTATION_ROADMAP_LOCATION}: ${(error as Error).message}`,
        ),
      );
      return;
    }
    const name = roadmapEntityName(parent.metadata.name);
    emit(
      processingResult.entity(
        file,
        this.stub(parent, ROADMAP_KIND, name, file, location),
      ),
    );
  }
}
