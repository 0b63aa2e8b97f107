/**
 * Paved's frontend plugin: decision records, roadmaps and, as they land,
 * cards for live clusters. This entry point serves apps on the legacy
 * frontend system; `@paved/plugin-paved/alpha` serves the new one.
 *
 * @packageDocumentation
 */
export {
  pavedPlugin,
  DecisionsPage,
  EntityAdrContent,
  EntityRoadmapContent,
} from './plugin';
