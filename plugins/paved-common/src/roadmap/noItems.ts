import { IdShape } from './idShapes';

/** What a roadmap document held, for the message when it yields no items. */
export interface DocumentSurvey {
  headings: number;
  checkboxes: number;
  tables: number;
  shapesTried: readonly IdShape[];
  configured: boolean;
}

/**
 * The message for a roadmap without items: what was looked for, so whoever
 * reads the processing error can fix the document or the id pattern.
 */
export function noItemsMessage(survey: DocumentSurvey): string {
  const shapes = survey.shapesTried
    .map(s => `${s.name} (${s.examples})`)
    .join(', ');
  return [
    'no roadmap items found.',
    `Looked for headings, list entries and table rows starting with an item id of the ${
      survey.configured ? 'configured patterns' : 'shapes'
    } ${shapes};`,
    'then, with no ids, for sub-headings under phase headings that hold checkboxes, a status or dependencies, and for checkbox lines (- [ ], - [x], ☐, ☑), status-emoji lines, or numbered lists under numbered phases.',
    `The document has ${survey.headings} heading(s), ${survey.checkboxes} checkbox line(s) and ${survey.tables} table(s).`,
    survey.configured
      ? 'Check the roadmap id pattern (paved.dev/roadmap-id-pattern or paved.roadmaps.idPatterns).'
      : 'For another id style, set paved.dev/roadmap-id-pattern on the entity or paved.roadmaps.idPatterns in config.',
  ].join(' ');
}
