import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { signInAsGuest } from './signIn';

/** ADR files: NNNN-*.md in a folder. */
const adrsIn = (...folder: string[]) =>
  readdirSync(join(__dirname, '..', ...folder)).filter(f =>
    /^\d{4}-.*\.md$/.test(f),
  ).length;

/** Paved's ADRs (docs/adr) and the example teams' (examples/decisions/*). */
const adrCount =
  adrsIn('docs', 'adr') +
  ['platform', 'payments', 'checkout']
    .map(team => adrsIn('examples', 'decisions', team))
    .reduce((a, b) => a + b, 0);

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
  await expect(
    page.getByRole('region', { name: 'decision', exact: true }),
  ).toContainText('new backend system only');
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
  // Paved's own and the example platform team's ADR 1 share the title.
  await expect(
    page.locator('a[href="/catalog/default/adr/paved-adr-0001"]', {
      hasText: /Record architecture decisions/i,
    }),
  ).toBeVisible();

  await page.goto('/docs/default/system/paved/runbooks/crashloopbackoff/');
  await expect(
    page.getByRole('heading', { name: /CrashLoopBackOff/ }).first(),
  ).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('#checks')).toBeVisible();
});

/**
 * The example platform team's ADR 4 (examples/decisions/platform) has
 * sections beyond context, decision and consequences, and a relative image
 * that the Paved backend serves from the local file.
 */
test('the Decision tab renders the whole record, with its relative image', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/adr/platform-adr-0004/decision');
  const risks = page.getByRole('region', { name: 'risks and mitigations' });
  await expect(risks).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByRole('region', { name: 'considered options' }).getByRole('table'),
  ).toContainText('Virtual clusters');
  await expect(
    page.getByRole('region', { name: 'decision', exact: true }),
  ).toContainText('kind: NetworkPolicy');
  const image = risks.getByRole('img', { name: /Tenant isolation/ });
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate(img => (img as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0);
  // A relative link to another record opens that record's page.
  await expect(
    page.getByRole('link', { name: 'cluster add-ons through Flux' }),
  ).toHaveAttribute('href', '/catalog/default/adr/platform-adr-0003');
  await page.screenshot({
    path: '.test-results/screenshots/adr-whole-record.png',
    fullPage: true,
  });
});

test('search finds an ADR by a word of its decision, with status and owner', async ({
  page,
}) => {
  await signInAsGuest(page);
  // The collator indexes 20 s after start, then every 30 s (app-config.yaml).
  const result = page
    .getByTestId('paved-search-result')
    .filter({ hasText: 'Admission policy with Kyverno' });
  await expect(async () => {
    await page.goto('/search?query=Kyverno');
    await expect(result).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  await expect(result.getByTestId('status-accepted')).toBeVisible();
  await expect(result).toContainText('Owner: platform-team');
  await result
    .getByRole('link', { name: 'Admission policy with Kyverno' })
    .click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/adr\/platform-adr-0006\/decision/,
  );
  await page.screenshot({
    path: '.test-results/screenshots/search-kyverno.png',
    fullPage: true,
  });
});

test('the example roadmap shows its blocked items and the ADRs they rest on', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/roadmap/platform-roadmap/roadmap');
  await expect(page.getByText('Phase 11: Developer portal')).toBeVisible();
  const blocked = page.getByRole('list', { name: 'Blocked items' });
  const enforce = blocked
    .getByRole('listitem')
    .filter({ hasText: 'Kyverno enforce mode' });
  await expect(enforce).toContainText('waits on 4.3 (in-progress)');
  await expect(
    enforce
      .getByLabel('Decisions 4.4 rests on')
      .getByRole('link', { name: 'ADR-0006' }),
  ).toHaveAttribute('href', '/catalog/default/adr/platform-adr-0006');
  // An ADR of another team, by entity ref.
  await expect(
    blocked
      .getByRole('listitem')
      .filter({ hasText: 'Change data capture for payments' })
      .getByRole('link', { name: 'adr:default/payments-api-adr-0002' }),
  ).toBeVisible();
  await page.screenshot({
    path: '.test-results/screenshots/example-roadmap.png',
    fullPage: true,
  });
});
