#!/usr/bin/env node
// Usage: node scripts/check-install/pack-check.mjs <tarball.tgz>...
//
// For each packed Paved package (the .tgz `yarn pack` wrote):
//   1. lists its contents with sizes;
//   2. fails if it holds anything that must not ship: test files (*.test.*,
//      setupTests), __fixtures__, __testUtils__, __mocks__, benchmarks
//      (bench/, *.bench.*) or TypeScript sources (src/**/*.ts(x); dist/*.d.ts
//      is fine);
//   3. scans the JavaScript under dist/ for bare `require('x')`,
//      `import ... from 'x'`, `import('x')` and `export ... from 'x'`
//      specifiers and fails if the package a specifier names is not in the
//      tarball's package.json dependencies or peerDependencies (Node builtins
//      excepted). This is the "package misses a runtime dependency" check: in
//      the monorepo, hoisting hides a missing dependency; in someone else's
//      app it is a crash at startup or a broken bundle.
// Prints one PASS/FAIL line per package and check; exits 1 on any failure.
//
// CHECK_INSTALL_BREAK=dependency (demonstration only): drops
// `express-promise-router` from @paved/plugin-paved-backend's dependencies
// before the scan, as if its package.json had forgotten it; the scan must
// then fail.
import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const builtins = new Set(builtinModules.flatMap(m => [m, `node:${m}`]));

const FORBIDDEN = [
  [/\.test\.[cm]?[jt]sx?$/, 'test file'],
  [/(^|\/)setupTests\.[cm]?[jt]sx?$/, 'test set-up file'],
  [/(^|\/)__fixtures__\//, 'test fixture'],
  [/(^|\/)__testUtils__\//, 'test utility'],
  [/(^|\/)__mocks__\//, 'test mock'],
  [/(^|\/)bench\//, 'benchmark'],
  [/\.bench\.[cm]?[jt]sx?$/, 'benchmark'],
  [/(^|\/)src\/.*\.[cm]?tsx?$/, 'TypeScript source (src/ does not ship)'],
];

/** The package a bare specifier names: `@scope/name/sub` -> `@scope/name`. */
export function packageOf(specifier) {
  if (
    specifier.startsWith('.') ||
    specifier.startsWith('/') ||
    specifier.startsWith('data:') ||
    specifier.startsWith('#')
  )
    return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Bare specifiers in one JavaScript file, statically (no evaluation). */
export function specifiersIn(source) {
  const found = new Set();
  const patterns = [
    /\brequire\(\s*(['"])([^'"\n]+)\1\s*\)/g,
    /\bimport\(\s*(['"])([^'"\n]+)\1\s*\)/g,
    /\bimport\s+(['"])([^'"\n]+)\1/g,
    /\b(?:import|export)\s[^'";]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
  ];
  for (const re of patterns)
    for (const m of source.matchAll(re)) found.add(m[2]);
  return [...found];
}

function walk(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, base) : [path.relative(base, full)];
  });
}

function checkTarball(tgz) {
  const results = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'paved-pack-'));
  try {
    execFileSync('tar', ['-xzf', tgz, '-C', dir]);
    const root = path.join(dir, 'package');
    const pkg = JSON.parse(
      readFileSync(path.join(root, 'package.json'), 'utf8'),
    );
    if (
      process.env.CHECK_INSTALL_BREAK === 'dependency' &&
      pkg.name === '@paved/plugin-paved-backend'
    ) {
      delete pkg.dependencies['express-promise-router'];
      console.log(
        `  (CHECK_INSTALL_BREAK=dependency: express-promise-router removed from ${pkg.name}'s dependencies)`,
      );
    }
    const files = walk(root).sort();
    const total = files.reduce(
      (n, f) => n + statSync(path.join(root, f)).size,
      0,
    );
    console.log(
      `\n${pkg.name}@${pkg.version}: ${path.basename(tgz)} ${(
        statSync(tgz).size / 1024
      ).toFixed(1)} kB packed, ${files.length} files, ${(total / 1024).toFixed(
        1,
      )} kB unpacked`,
    );
    for (const f of files)
      console.log(
        `  ${String(statSync(path.join(root, f)).size).padStart(9)}  ${f}`,
      );

    const bad = files.flatMap(f =>
      FORBIDDEN.filter(([re]) => re.test(f)).map(([, why]) => `${f} (${why})`),
    );
    results.push({
      name: `${pkg.name}: tarball holds no tests, fixtures, benchmarks or sources`,
      ok: bad.length === 0,
      detail: bad.join(', '),
    });

    const declared = new Set([
      pkg.name,
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.peerDependencies ?? {}),
    ]);
    const missing = new Map();
    const jsFiles = files.filter(
      f => f.startsWith('dist/') && /\.[cm]?js$/.test(f),
    );
    for (const f of jsFiles) {
      const source = readFileSync(path.join(root, f), 'utf8');
      for (const spec of specifiersIn(source)) {
        const name = packageOf(spec);
        if (
          !name ||
          builtins.has(spec) ||
          builtins.has(name) ||
          declared.has(name)
        )
          continue;
        if (!missing.has(name)) missing.set(name, `${name} (${f}: '${spec}')`);
      }
    }
    results.push({
      name: `${pkg.name}: every package dist/ imports is a dependency (${jsFiles.length} JS files scanned)`,
      ok: jsFiles.length > 0 && missing.size === 0,
      detail:
        jsFiles.length === 0
          ? 'no JavaScript under dist/: was it built?'
          : `not in dependencies/peerDependencies: ${[...missing.values()].join(
              ', ',
            )}`,
    });

    const unused = [
      '@backstage/cli',
      'jest',
      'msw',
      'supertest',
      'fast-check',
      'tsx',
      '@testing-library/react',
      '@backstage/backend-test-utils',
      '@backstage/test-utils',
      '@backstage/frontend-test-utils',
    ].filter(d => d in (pkg.dependencies ?? {}));
    results.push({
      name: `${pkg.name}: no test-only tool among runtime dependencies`,
      ok: unused.length === 0,
      detail: unused.join(', '),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = 0;
  const all = [];
  for (const tgz of process.argv.slice(2)) all.push(...checkTarball(tgz));
  console.log('');
  for (const r of all) {
    console.log(
      `${r.ok ? 'PASS' : 'FAIL'} ${r.name}${r.ok ? '' : `: ${r.detail}`}`,
    );
    if (!r.ok) failed++;
  }
  process.exit(failed ? 1 : 0);
}
