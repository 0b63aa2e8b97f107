import { CustomErrorBase } from '@backstage/errors';

/**
 * A failed call to Paved's backend, whichever feature made it: `message` in
 * the user's terms, `statusCode` the HTTP status (0 when the backend could
 * not be reached at all), `backendMessage` the backend's own words.
 *
 * @public
 */
export class PavedApiError extends CustomErrorBase {
  // Set, not derived from the constructor: a minified bundle renames classes.
  name = 'PavedApiError' as const;

  constructor(
    message: string,
    readonly statusCode: number,
    readonly backendMessage?: string,
  ) {
    super(message);
  }
}

/*
 * The per-feature names the clients threw before there was one error type.
 * Each is the same class, so `instanceof` checks written against them hold;
 * like a class, each name is a value and a type.
 */
/* eslint-disable @typescript-eslint/no-redeclare */

/** @public @deprecated Use {@link PavedApiError}, the same class. */
export const PavedHealthError = PavedApiError;
/** @public @deprecated Use {@link PavedApiError}. */
export type PavedHealthError = PavedApiError;
/** @public @deprecated Use {@link PavedApiError}, the same class. */
export const PavedCostError = PavedApiError;
/** @public @deprecated Use {@link PavedApiError}. */
export type PavedCostError = PavedApiError;
/** @public @deprecated Use {@link PavedApiError}, the same class. */
export const PavedTenantError = PavedApiError;
/** @public @deprecated Use {@link PavedApiError}. */
export type PavedTenantError = PavedApiError;
/** @public @deprecated Use {@link PavedApiError}, the same class. */
export const PavedFleetError = PavedApiError;
/** @public @deprecated Use {@link PavedApiError}. */
export type PavedFleetError = PavedApiError;
/** @public @deprecated Use {@link PavedApiError}, the same class. */
export const PavedEvidenceError = PavedApiError;
/** @public @deprecated Use {@link PavedApiError}. */
export type PavedEvidenceError = PavedApiError;
