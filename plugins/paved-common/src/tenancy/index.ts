export * from './annotations';
export * from './tenantEntity';
export * from './tenantRoles';
export * from './accessMatrix';
export * from './isolation';
export * from './workloadIdentity';
export * from './permissions';
export * from './tenantPage';
