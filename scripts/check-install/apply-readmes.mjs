#!/usr/bin/env node
// Usage: node scripts/check-install/apply-readmes.mjs <appDir> <tarballDir> <README.md>...
//
// Applies the install snippets of Paved's package READMEs to a fresh
// create-app app, exactly as written, so that a wrong README fails the check.
// A snippet is the fenced block right after a marker comment:
//
//   <!-- check-install: shell -->
//       `yarn --cwd <workspace> add <package>...` lines. Each package must be
//       one the check packed; it is added to <workspace>/package.json as
//       `file:<tarball>` (what `yarn add` of the published package would do,
//       without one install per line).
//   <!-- check-install: <file> before "<anchor line>" -->
//       TypeScript statements inserted into <file> right before the line
//       holding <anchor line>; statements the file already has (create-app's
//       own `backend.add(...)` lines) are not added twice; comment lines are
//       skipped.
//   <!-- check-install: <file> merge -->
//       YAML deep-merged into <file> (maps merge, lists and scalars replace,
//       as Backstage merges config files).
//
// Unknown markers, a marker without a fenced block after it, a missing anchor
// or a README without any marker all fail. Prints one line per applied
// snippet.
//
// CHECK_INSTALL_BREAK=readme (demonstration only): applies the paved-backend
// README as if its import named '@paved/paved-backend' (a wrong package
// name); the check must then fail.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.cwd(), 'package.json'));
const YAML = require('yaml');

const [appDir, tarballDir, ...readmes] = process.argv.slice(2);
if (!appDir || !tarballDir || readmes.length === 0) {
  console.error(
    'usage: apply-readmes.mjs <appDir> <tarballDir> <README.md>...',
  );
  process.exit(2);
}

const MARKER =
  /<!--\s*check-install:\s*(.*?)\s*-->\s*\n+```(\w*)\n([\s\S]*?)\n```/g;
const ANY_MARKER = /<!--\s*check-install:/g;

function fail(message) {
  console.log(`FAIL ${message}`);
  process.exitCode = 1;
}

export function tarballFor(name) {
  return path.join(
    tarballDir,
    `${name.replace(/^@/, '').replace(/\//g, '__')}.tgz`,
  );
}

function applyShell(readme, body) {
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = line.match(/^yarn\s+--cwd\s+(\S+)\s+add\s+(.+)$/);
    if (!m)
      return fail(`${readme}: shell snippet line not understood: ${line}`);
    const [, workspace, names] = m;
    const manifestPath = path.join(appDir, workspace, 'package.json');
    if (!existsSync(manifestPath))
      return fail(`${readme}: no workspace ${workspace} in a create-app app`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    for (const name of names.split(/\s+/)) {
      const tgz = tarballFor(name);
      if (!existsSync(tgz))
        return fail(
          `${readme}: ${name} is not a package this repository packs`,
        );
      manifest.dependencies = {
        ...manifest.dependencies,
        [name]: `file:${tgz}`,
      };
      console.log(
        `  ${workspace}/package.json: "${name}": "file:${path.basename(tgz)}"`,
      );
    }
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return true;
}

const squash = s => s.replace(/\s+/g, '');

function applyInsert(readme, file, anchor, body) {
  const target = path.join(appDir, file);
  if (!existsSync(target))
    return fail(`${readme}: ${file} does not exist in a create-app app`);
  const source = readFileSync(target, 'utf8');
  const lines = source.split('\n');
  const at = lines.findIndex(l => l.includes(anchor));
  if (at < 0) return fail(`${readme}: "${anchor}" not found in ${file}`);
  const code = body
    .split('\n')
    .filter(l => !/^\s*\/\//.test(l))
    .join('\n');
  // Statements end with ';' at the end of a line (prettier's layout).
  const statements = code
    .split(/;\s*\n/)
    .map(s => s.replace(/;\s*$/, '').trim())
    .filter(Boolean)
    .map(s => `${s};`);
  const have = squash(source);
  const added = statements.filter(s => !have.includes(squash(s)));
  lines.splice(at, 0, ...added);
  writeFileSync(target, lines.join('\n'));
  for (const s of statements)
    console.log(
      `  ${file}: ${added.includes(s) ? 'added' : 'already there'}: ${s.replace(
        /\s+/g,
        ' ',
      )}`,
    );
  return true;
}

function deepMerge(into, from) {
  if (from === null || typeof from !== 'object' || Array.isArray(from))
    return from;
  const out =
    into && typeof into === 'object' && !Array.isArray(into) ? { ...into } : {};
  for (const [k, v] of Object.entries(from)) out[k] = deepMerge(out[k], v);
  return out;
}

function applyMerge(readme, file, body) {
  const target = path.join(appDir, file);
  if (!existsSync(target))
    return fail(`${readme}: ${file} does not exist in a create-app app`);
  let snippet;
  try {
    snippet = YAML.parse(body);
  } catch (e) {
    return fail(
      `${readme}: YAML snippet for ${file} does not parse: ${e.message}`,
    );
  }
  const current = YAML.parse(readFileSync(target, 'utf8')) ?? {};
  writeFileSync(
    target,
    YAML.stringify(deepMerge(current, snippet), { lineWidth: 0 }),
  );
  console.log(`  ${file}: merged ${Object.keys(snippet ?? {}).join(', ')}`);
  return true;
}

const imported = [];
for (const readme of readmes) {
  let text = readFileSync(readme, 'utf8');
  const rel = path.relative(process.cwd(), readme);
  if (
    process.env.CHECK_INSTALL_BREAK === 'readme' &&
    rel.includes('paved-backend')
  ) {
    text = text.replace(
      "import('@paved/plugin-paved-backend')",
      "import('@paved/paved-backend')",
    );
    console.log(
      `  (CHECK_INSTALL_BREAK=readme: ${rel} applied with import('@paved/paved-backend'))`,
    );
  }
  const markers = [...text.matchAll(ANY_MARKER)].length;
  const blocks = [...text.matchAll(MARKER)];
  if (markers === 0) fail(`${rel}: no <!-- check-install: ... --> snippet`);
  if (blocks.length !== markers)
    fail(
      `${rel}: ${
        markers - blocks.length
      } check-install marker(s) not followed by a fenced block`,
    );
  let ok = blocks.length > 0 && blocks.length === markers;
  for (const [, directive, , body] of blocks) {
    console.log(`${rel}: <!-- check-install: ${directive} -->`);
    let m;
    let applied;
    if (directive === 'shell') applied = applyShell(rel, body);
    else if ((m = directive.match(/^(\S+)\s+before\s+"(.+)"$/))) {
      applied = applyInsert(rel, m[1], m[2], body);
      for (const i of body.matchAll(/import\(\s*'([^']+)'\s*\)/g))
        imported.push([rel, i[1]]);
    } else if ((m = directive.match(/^(\S+)\s+merge$/)))
      applied = applyMerge(rel, m[1], body);
    else
      applied = fail(`${rel}: unknown check-install directive: ${directive}`);
    ok = ok && applied === true;
  }
  console.log(
    `${ok ? 'PASS' : 'FAIL'} ${rel}: install snippets applied (${
      blocks.length
    })`,
  );
  if (!ok) process.exitCode = 1;
}

// Every module a backend snippet imports must be a dependency of the backend
// (create-app's own, or one a README's `yarn --cwd packages/backend add` added).
const backend = JSON.parse(
  readFileSync(path.join(appDir, 'packages/backend/package.json'), 'utf8'),
);
const missing = imported.filter(
  ([, name]) => !(name in (backend.dependencies ?? {})),
);
for (const [rel, name] of missing)
  console.log(
    `FAIL ${rel}: imports '${name}', which packages/backend does not depend on`,
  );
console.log(
  `${
    missing.length ? 'FAIL' : 'PASS'
  } README backend snippets import only installed packages (${
    imported.length
  } imports)`,
);
if (missing.length) process.exitCode = 1;
