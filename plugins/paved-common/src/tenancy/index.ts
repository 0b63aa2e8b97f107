export * from './annotations';
export * from './tenantEntity';
