// Copied from the scaffolder module: the "new ADR reaches the catalog" test
// runs its paved:adr:create action, whose package imports kubernetes-models.
// kubernetes-models packages are ESM with "import"-only exports. Jest's
// CommonJS runtime resolves with the "require" condition and finds nothing, so
// resolve those packages with "import" and let Jest's transform turn them into
// CommonJS. Everything else resolves as usual.
module.exports = (request, options) => {
  if (/^(@kubernetes-models\/|kubernetes-models(\/|$))/.test(request)) {
    return options.defaultResolver(request, {
      ...options,
      conditions: ['import', 'default'],
    });
  }
  return options.defaultResolver(request, options);
};
// package.json also gives this package's Jest config its own `id`: backstage-cli
// shares one Jest cache, resolution included, between projects whose ids match,
// which would drop this resolver in repo-wide runs.
