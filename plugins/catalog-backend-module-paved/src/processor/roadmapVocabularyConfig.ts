import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  readRoadmapVocabulary,
  RoadmapVocabulary,
} from '@paved/plugin-paved-common';

/**
 * `paved.roadmaps` from app config: the id patterns and words every roadmap
 * location starts from (annotations may override them). Checked here, so a
 * bad pattern stops the backend at start with the setting's name instead
 * of failing every roadmap later.
 */
export function roadmapVocabularyFromConfig(
  config: Pick<RootConfigService, 'getOptionalConfig'>,
): RoadmapVocabulary {
  const section = config.getOptionalConfig('paved.roadmaps');
  if (!section) {
    return {};
  }
  const statusWords = section.getOptionalConfig('statusWords');
  const vocabulary: RoadmapVocabulary = {
    idPatterns: section.getOptionalStringArray('idPatterns'),
    dependencyWords: section.getOptionalStringArray('dependencyWords'),
    statusWords: statusWords
      ? Object.fromEntries(
          statusWords.keys().map(word => [word, statusWords.getString(word)]),
        )
      : undefined,
  };
  const checked = readRoadmapVocabulary(undefined, vocabulary);
  if (!checked.ok) {
    throw new Error(checked.error.message);
  }
  return vocabulary;
}
