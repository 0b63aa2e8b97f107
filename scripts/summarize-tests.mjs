#!/usr/bin/env node
// Reads the results of scripts/test-all.sh and prints one breakdown line per
// suite, then the plain closing line "N passed, N failed" that CI counts.
// Exits non-zero when anything failed or a result file is missing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? '.test-results';
const suites = [];

for (const line of readFileSync(path.join(dir, 'checks.tsv'), 'utf8')
  .split('\n')
  .filter(Boolean)) {
  const [name, outcome, took] = line.split('\t');
  suites.push({
    name: `check: ${name} (${took})`,
    passed: outcome === 'passed' ? 1 : 0,
    failed: outcome === 'passed' ? 0 : 1,
    skipped: 0,
  });
}

const jestFile = path.join(dir, 'jest.json');
if (existsSync(jestFile)) {
  const jest = JSON.parse(readFileSync(jestFile, 'utf8'));
  // A suite that fails to run (syntax error, import failure) has no tests.
  const brokenSuites = jest.numRuntimeErrorTestSuites ?? 0;
  suites.push({
    name: `unit tests (jest, ${jest.numTotalTestSuites} files)`,
    passed: jest.numPassedTests,
    failed: jest.numFailedTests + brokenSuites,
    skipped: jest.numPendingTests + (jest.numTodoTests ?? 0),
  });
} else {
  suites.push({
    name: 'unit tests (jest): no results',
    passed: 0,
    failed: 1,
    skipped: 0,
  });
}

const pwFile = path.join(dir, 'playwright.json');
if (existsSync(pwFile)) {
  const pw = JSON.parse(readFileSync(pwFile, 'utf8'));
  const s = pw.stats ?? {};
  const errors = (pw.errors ?? []).length;
  suites.push({
    name: 'browser tests (playwright)',
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + errors,
    skipped: s.skipped ?? 0,
  });
} else {
  suites.push({
    name: 'browser tests (playwright): no results',
    passed: 0,
    failed: 1,
    skipped: 0,
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const s of suites) {
  console.log(
    `  ${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`,
  );
  passed += s.passed;
  failed += s.failed;
  skipped += s.skipped;
}
console.log(
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
