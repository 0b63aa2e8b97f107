export * from './tiers';
export * from './outputSpec';
export * from './quantity';
export * from './names';
