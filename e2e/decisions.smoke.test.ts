import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { signInAsGuest } from './signIn';

/** Paved's ADRs: docs/adr/NNNN-*.md. */
const adrCount = readdirSync(join(__dirname, '..', 'docs', 'adr')).filter(f =>
  /^\d{4}-.*\.md$/.test(f),
).length;

/**
 * Paved's own ADRs (docs/adr) and roadmap (ROADMAP.md) reach the catalog
 * through the annotations on the paved System, and show on their pages.
 */
test('an ADR page shows the record, its status and what it decides about', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/adr/paved-adr-0002');
  await page.getByRole('link', { name: 'Decision', exact: true }).click();
  await expect(
    page.getByText('Use the Backstage new backend system').first(),
  ).toBeVisible();
  await expect(page.getByTestId('status-accepted').first()).toBeVisible();
  await expect(page.getByText(/Jan 20, 2025/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'decision' })).toContainText(
    'new backend system only',
  );
  await page.screenshot({
    path: '.test-results/screenshots/adr-page.png',
    fullPage: true,
  });
});

test('a Roadmap page shows phases, progress and what is blocked', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/roadmap/paved-roadmap');
  await page.getByRole('link', { name: 'Roadmap', exact: true }).click();
  await expect(page.getByText('Phase 1: Foundations')).toBeVisible();
  await expect(
    page.getByText('Local portal and Kubernetes API test double'),
  ).toBeVisible();
  await expect(page.getByLabel('Roadmap progress')).toContainText(
    /\d+ of \d+ tasks done/,
  );
  await expect(page.getByText('Blocked', { exact: true })).toBeVisible();
  await page.screenshot({
    path: '.test-results/screenshots/roadmap-page.png',
    fullPage: true,
  });
});

test('the Decisions page lists every ADR and a runbook opens in TechDocs', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/decisions');
  await expect(
    page.getByText(`Decisions (${adrCount})`, { exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: /Record architecture decisions/i }),
  ).toBeVisible();

  await page.goto('/docs/default/system/paved/runbooks/crashloopbackoff/');
  await expect(
    page.getByRole('heading', { name: /CrashLoopBackOff/ }).first(),
  ).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('#checks')).toBeVisible();
});
