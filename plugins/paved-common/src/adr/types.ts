/** Where an ADR sits in its life; the values MADR and adr-tools use. */
export const ADR_STATUSES = [
  'proposed',
  'accepted',
  'rejected',
  'deprecated',
  'superseded',
] as const;

export type AdrStatus = (typeof ADR_STATUSES)[number];

/** The Markdown layout an ADR was written in. */
export type AdrFormat = 'nygard' | 'madr2' | 'madr3';

/** A pointer from one ADR to another, as written. */
export interface AdrReference {
  /** The ADR number, when the text or link gives one. */
  number?: number;
  /** The link target, e.g. `0005-use-postgres.md`. */
  target?: string;
  /** The text as written, e.g. `ADR-0005`. */
  text: string;
}

export interface ParsedAdr {
  format: AdrFormat;
  title: string;
  number?: number;
  status: AdrStatus;
  /** ISO date, `yyyy-MM-dd`. */
  date?: string;
  deciders: string[];
  consulted: string[];
  informed: string[];
  supersedes: AdrReference[];
  supersededBy: AdrReference[];
  /** Section bodies as plain text, keyed by lower-cased heading. */
  sections: Record<string, string>;
}
