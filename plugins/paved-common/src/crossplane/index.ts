export * from './annotations';
export * from './conditions';
export * from './permissions';
export * from './redact';
export * from './tree';
export type * from './types';
export * from './xrdOffer';
