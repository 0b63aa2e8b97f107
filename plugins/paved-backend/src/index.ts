/**
 * Paved backend plugin.
 *
 * @packageDocumentation
 */
export {};
