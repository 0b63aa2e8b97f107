import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

/**
 * Signs in, again when the dev backend was restarting (it restarts when a
 * watched file changes and refuses guest sign-in until it is back).
 */
async function signIn(page: Page) {
  for (let attempt = 1; ; attempt++) {
    try {
      await signInAsGuest(page);
      return;
    } catch (e) {
      if (attempt >= 4) throw e;
      await backendReady(page);
    }
  }
}

/**
 * Opens a page and waits for it to be ready. The dev backend restarts when a
 * watched file changes (and its catalog is in memory): then wait for it and
 * load the page again, twice at most.
 */
async function open(
  page: Page,
  path: string,
  ready: (page: Page) => Promise<unknown>,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(path);
      await ready(page);
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      // A restarted backend no longer knows the session: sign in again.
      await backendReady(page);
      await signIn(page);
    }
  }
}

/** Waits until the backend answers its readiness check. */
async function backendReady(page: Page) {
  await expect
    .poll(
      async () =>
        (
          await page.request
            .get('http://localhost:7007/.backstage/health/v1/readiness')
            .catch(() => undefined)
        )?.status(),
      { timeout: 120_000 },
    )
    .toBe(200);
}

/**
 * Paved's entity pages as a developer reads them at 1440×900: the status
 * summary first on payments-api's Overview, naming its OOMKilled Pod
 * without scrolling; every Paved page and card checked with axe-core (no
 * serious or critical violation in Paved's own elements); keyboard access
 * to the summary, the cost window picker and the entity tabs; and a
 * screenshot of every Paved page in the light and the dark theme.
 */
test.use({ viewport: { width: 1440, height: 900 } });
// Room for the dev backend to restart (see `open`) on this slow machine.
test.describe.configure({ timeout: 480_000 });

// Paved's own elements, by the ids its cards and tabs carry.
const PAVED = [
  '#paved-summary',
  '#paved-workload-health',
  '#paved-conformance',
  '#paved-cost',
  '#paved-crossplane-claims',
  '#paved-cluster-health',
  '#paved-cost-content',
  '#paved-crossplane-content',
  '#paved-decisions',
  '#paved-adr',
  '#paved-roadmap',
  '#paved-tenant',
];

/** The summary's chips have all answered (none still "Checking…"). */
async function summaryLoaded(page: Page) {
  const summary = page.locator('#paved-summary');
  await expect(summary).toBeVisible({ timeout: 90_000 });
  await expect(summary.locator('[data-state="loading"]')).toHaveCount(0, {
    timeout: 120_000,
  });
  return summary;
}

/** Axe over Paved's elements on the page; serious and critical fail. */
async function checkAccessibility(page: Page, name: string) {
  // A page is ready when its header shows; Paved's own element may render a
  // moment later (the ADR tab's card did once in CI): wait for one of them.
  await expect(
    page.locator(PAVED.join(', ')).first(),
    `a Paved element on ${name}`,
  ).toBeVisible({ timeout: 60_000 });
  const present: string[] = [];
  for (const selector of PAVED) {
    if ((await page.locator(selector).count()) > 0) present.push(selector);
  }
  expect(present, `Paved elements on ${name}`).not.toEqual([]);
  let builder = new AxeBuilder({ page });
  for (const selector of present) builder = builder.include(selector);
  const { violations } = await builder.analyze();
  const blocking = violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
    }));
  expect(blocking, `axe on ${name}`).toEqual([]);
}

test('the summary is first on the Overview and names the OOMKilled problem', async ({
  page,
}) => {
  await signIn(page);
  const summary = page.locator('#paved-summary');
  const health = summary.getByTestId('summary-health');
  await open(page, '/catalog/default/component/payments-api', async p => {
    await summaryLoaded(p);
    await expect(health).toContainText(
      /OOMKilled · Pod payments\/payments-api-7c9d8f6b5d-tq9mc/,
    );
  });
  // Visible without scrolling: whole, inside the 1440×900 viewport.
  await expect(summary).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(health).not.toHaveAttribute('data-state', 'ok');
  // Every chip has answered with a state and links to its detail.
  for (const key of ['health', 'conformance', 'cost', 'crossplane']) {
    const chip = summary.getByTestId(`summary-${key}`);
    await expect(chip).toHaveAttribute(
      'data-state',
      /^(ok|warning|error|unknown|not-configured)$/,
    );
    await expect(chip.getByRole('link')).toHaveAttribute('href', /^#paved-/);
  }
  // The summary comes before the stock cards.
  const summaryTop = (await summary.boundingBox())!.y;
  const relations = page.getByRole('heading', { name: 'Relations' }).first();
  if ((await relations.count()) > 0) {
    expect(summaryTop).toBeLessThan((await relations.boundingBox())!.y);
  }

  // The detail cards sit side by side in the grid at 1440 px: workload
  // health and conformance share a row, and so do cost and the claims.
  for (const [left, right] of [
    ['#paved-workload-health', '#paved-conformance'],
    ['#paved-cost', '#paved-crossplane-claims'],
  ]) {
    await expect(page.locator(right)).toBeAttached({ timeout: 90_000 });
    const a = (await page.locator(left).boundingBox())!;
    const b = (await page.locator(right).boundingBox())!;
    expect(
      Math.abs(a.y - b.y),
      `${left} and ${right} share a row`,
    ).toBeLessThan(2);
    expect(b.x, `${right} is right of ${left}`).toBeGreaterThanOrEqual(
      a.x + a.width,
    );
  }
});

test('the summary, the window picker and the tabs work from the keyboard', async ({
  page,
}) => {
  await signIn(page);
  await open(page, '/catalog/default/component/payments-api', summaryLoaded);
  const summary = page.locator('#paved-summary');

  // Tab from the top of the page to the summary's health link, then follow it.
  const healthLink = summary.getByTestId('summary-health').getByRole('link');
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await healthLink.evaluate(el => el === document.activeElement);
  }
  expect(reached, 'the health chip is reachable with Tab').toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#paved-workload-health$/);
  await expect(page.locator('#paved-workload-health')).toBeInViewport();

  // The cost window picker is a native select: from month to date (the
  // default), ArrowUp moves to the window above it, last 7 days.
  const windowSelect = page.getByRole('combobox', { name: 'Window' }).first();
  await windowSelect.focus();
  await page.keyboard.press('ArrowUp');
  await expect(page).toHaveURL(/[?&]costWindow=last-7-days/);
  // The view buttons: focus Cumulative and press Enter.
  const cumulative = page.getByRole('button', { name: 'Cumulative' }).first();
  await cumulative.focus();
  await page.keyboard.press('Enter');
  await expect(cumulative).toHaveAttribute('aria-pressed', 'true');

  // A collapsed list expands from the keyboard, when the page has one.
  const more = page.getByRole('button', { name: /^\d+ more / }).first();
  if ((await more.count()) > 0) {
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(more).toHaveAttribute('aria-expanded', 'true');
  }

  // The entity tabs are links: focus the Cost tab and press Enter.
  const costTab = page.getByRole('link', { name: 'Cost', exact: true });
  await costTab.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/component\/payments-api\/cost$/);
  await expect(
    page.getByRole('group', { name: 'Cost window' }).first(),
  ).toBeVisible();
});

/** Every Paved page: where it is, and what shows once it has loaded. */
const PAGES: {
  name: string;
  path: string;
  ready: (page: Page) => Promise<void>;
  axe: boolean;
}[] = [
  {
    name: 'component-overview',
    path: '/catalog/default/component/payments-api',
    ready: async page => {
      await summaryLoaded(page);
      await expect(page.getByLabel('Total cost')).toContainText(/\S/, {
        timeout: 90_000,
      });
      await expect(
        page.getByRole('region', { name: 'Conformance of paved-local' }),
      ).toBeVisible({ timeout: 90_000 });
    },
    axe: true,
  },
  {
    name: 'component-cost-tab',
    path: '/catalog/default/component/payments-api/cost',
    ready: async page => {
      await expect(page.getByLabel('Total cost')).toBeVisible({
        timeout: 90_000,
      });
      await expect(page.getByRole('img', { name: 'Daily cost' })).toBeVisible();
    },
    axe: true,
  },
  {
    name: 'failing-component-overview',
    path: '/catalog/default/component/ledger-worker',
    ready: async page => {
      await summaryLoaded(page);
      await expect(
        page.getByRole('region', {
          name: 'Claim PostgreSQLInstance payments/ledger-db',
        }),
      ).toBeVisible({ timeout: 90_000 });
    },
    axe: true,
  },
  {
    name: 'crossplane-tab',
    path: '/catalog/default/component/ledger-worker/crossplane',
    ready: async page => {
      await expect(
        page.getByRole('list', {
          name: 'Resources of PostgreSQLInstance payments/ledger-db',
        }),
      ).toBeVisible({ timeout: 90_000 });
    },
    axe: true,
  },
  {
    name: 'cluster-overview',
    path: '/catalog/default/resource/paved-local',
    ready: async page => {
      await expect(page.getByRole('table', { name: 'Nodes' })).toBeVisible({
        timeout: 90_000,
      });
      await expect(
        page.getByRole('img', {
          name: 'CPU requested vs allocatable per node',
        }),
      ).toBeVisible();
    },
    axe: true,
  },
  {
    name: 'tenant-overview',
    path: '/catalog/default/system/shop',
    ready: async page => {
      await expect(
        page.getByRole('region', { name: 'Monthly budget' }),
      ).toBeVisible({ timeout: 90_000 });
    },
    axe: true,
  },
  {
    name: 'tenant-page',
    path: '/catalog/default/resource/tenant-payments',
    ready: async page => {
      await expect(
        page.getByRole('region', { name: 'Tenant payments in paved-local' }),
      ).toBeVisible({ timeout: 90_000 });
    },
    axe: true,
  },
  // Paved's decision pages (their own spec checks what they show).
  {
    name: 'decisions-page',
    path: '/decisions',
    ready: async page => {
      // The first match of a loose text can be hidden: wait for a row's link.
      await expect(
        page.locator('a[href="/catalog/default/adr/paved-adr-0001"]').first(),
      ).toBeVisible({ timeout: 60_000 });
    },
    axe: true,
  },
  {
    name: 'adr-page',
    path: '/catalog/default/adr/paved-adr-0002/decision',
    ready: async page => {
      await expect(
        page.getByText('Use the Backstage new backend system').first(),
      ).toBeVisible({ timeout: 60_000 });
    },
    axe: true,
  },
  {
    name: 'roadmap-page',
    path: '/catalog/default/roadmap/paved-roadmap/roadmap',
    ready: async page => {
      await expect(page.getByText('Phase 1: Foundations')).toBeVisible({
        timeout: 60_000,
      });
    },
    axe: true,
  },
];

for (const theme of ['light', 'dark'] as const) {
  test(`every Paved page in the ${theme} theme: accessible, and a screenshot`, async ({
    page,
  }) => {
    test.setTimeout(600_000);
    // Backstage keeps the chosen theme in localStorage under `theme`.
    await page.addInitScript(t => {
      window.localStorage.setItem('theme', t);
    }, theme);
    await signIn(page);
    const background = await page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    );
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    const dark = (r + g + b) / 3 < 128;
    expect(dark, `the ${theme} theme is on (${background})`).toBe(
      theme === 'dark',
    );

    for (const target of PAGES) {
      await test.step(target.name, async () => {
        await open(page, target.path, target.ready);
        if (target.axe) await checkAccessibility(page, target.name);
        await page.screenshot({
          path: `.test-results/screenshots/${target.name}-${theme}.png`,
          fullPage: true,
        });
      });
    }
  });
}
