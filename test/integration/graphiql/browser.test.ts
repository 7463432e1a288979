import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchChromium, loopbackOnlyContext } from '../../helpers/browser.js';
import { startHarness, type Harness } from '../../helpers/harness.js';

/**
 * GraphiQL in a real headless chromium, with the network cut to loopback: the page and everything it
 * loads come from the server, the README's examples open as tabs with sandbox ids, and a query and a
 * subscription (graphql-ws) run and show results, on an open server and on one that needs a token.
 */
const unavailable = browserUnavailable();
if (unavailable) console.warn(`skipping the GraphiQL browser tests: ${unavailable}`);

const TOKEN = 'graphiql-browser-token';
/** An event of the StatusChanges tab: its Twelve Labs upload, PROCESSING at start-up, or READY since. */
const SUBSCRIPTION_EVENT = [/"assetStatusChanged": \{/, /"VHdlbHZlTGFic0Fzc2V0O/, /"status": "(PROCESSING|READY)"/];
const WS_URL = /^ws:\/\/127\.0\.0\.1:\d+\/graphql$/;
let browser: Browser;

beforeAll(async () => {
  if (!unavailable) browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** Opens GraphiQL on `h` and waits until its tabs are drawn. */
async function openGraphiQL(h: Harness) {
  const { context, blocked } = await loopbackOnlyContext(browser);
  const page = await context.newPage();
  // Each graphql-ws socket the page opens: its URL and the payload of its connection_init.
  const sockets: { url: string; init?: unknown }[] = [];
  page.on('websocket', (ws) => {
    const socket: { url: string; init?: unknown } = { url: ws.url() };
    sockets.push(socket);
    ws.on('framesent', ({ payload }) => {
      const message = typeof payload === 'string' ? JSON.parse(payload) : null;
      if (message?.type === 'connection_init') socket.init = message.payload ?? {};
    });
  });
  const response = await page.goto(`${h.url}/graphql`);
  expect(response?.status()).toBe(200);
  await page.locator('.graphiql-tab').first().waitFor({ timeout: 60_000 });
  return { page, blocked, sockets, close: () => context.close() };
}

async function selectTab(page: Page, title: string) {
  const tab = page.locator('.graphiql-tab', { has: page.locator(`button.graphiql-tab-button[title="${title}"]`) });
  // A DOM click: the tab bar scrolls and animates, so a pointer aimed at a far tab can land on another.
  await tab.locator('button.graphiql-tab-button').dispatchEvent('click');
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
  // The editors take the tab's content a moment later, and GraphiQL derives the operation to run from
  // them later still (a click before that runs the previous tab's operation name: "Cannot infer
  // operation"). Run once both have happened, as a person would.
  await expect.poll(async () => (await page.locator('.graphiql-query-editor').innerText()).replace(/\u00a0/g, ' ')).toContain(` ${title}`);
  await page.waitForTimeout(1000);
}

/**
 * Runs the active tab and waits until the response pane shows every pattern. Only its visible lines
 * are in the page, in no set order (the editor reuses and positions line elements) and wrapped, so
 * each pattern should fit in one short line.
 */
async function run(page: Page, ...expected: RegExp[]) {
  await page.locator('.graphiql-execute-button').click();
  // The editor draws spaces as no-break spaces.
  const text = async () => (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');
  const missing = async () => {
    const shown = await text();
    return expected.filter((pattern) => !pattern.test(shown)).map(String);
  };
  await expect.poll(missing, { timeout: 45_000 }).toEqual([]);
}

/** Replaces the active tab's headers (typed into the Headers editor, as a person would). */
async function setHeaders(page: Page, headers: Record<string, string>) {
  await page.locator('.graphiql-editor-tools button[data-name="headers"]').click();
  const editor = page.locator('.graphiql-editor-tool .graphiql-editor:visible').last();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(JSON.stringify(headers));
  // GraphiQL takes an edit in after a short debounce (and stores it then): run only once it has, as
  // a person would, or the first socket still carries the previous headers (refused, then retried).
  const typed = Object.values(headers)[0]!;
  await expect.poll(() => page.evaluate(() => localStorage.getItem('graphiql:tabState') ?? '')).toContain(typed);
}

/** A browser beside a busy test suite on two cores: generous, since only a hang should fail these. */
const BROWSER_TEST_MS = 120_000;

describe.skipIf(unavailable !== undefined)('GraphiQL in a browser, offline', () => {
  describe('an open sandbox server', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(() => h?.stop());

    it(
      'renders from this server alone, with the examples as tabs, and runs a query and a subscription',
      async () => {
        const { page, blocked, sockets, close } = await openGraphiQL(h);
        try {
          const titles = await page.locator('.graphiql-tab').allInnerTexts();
          expect(titles).toEqual(expect.arrayContaining(['Providers', 'ManyAssets', 'Stills', 'StatusChanges', 'UplynkChanges']));

          await selectTab(page, 'Providers');
          await run(page, /"provider": "VIDEO_JUNGLE"/, /"sandbox": true/);

          // The ids in the tabs are real: the Uplynk example finds its asset.
          await selectTab(page, 'ByProviderId');
          await run(page, /"assetByProviderId": \{/, /"VXBseW5rQXNzZXQ6/);

          // Last: while a subscription runs, GraphiQL's run button stops it instead.
          await selectTab(page, 'StatusChanges');
          await run(page, ...SUBSCRIPTION_EVENT);
          expect(sockets.length).toBeGreaterThan(0);
          for (const socket of sockets) expect(socket.url).toMatch(WS_URL);
          expect(blocked).toEqual([]);
        } finally {
          await close();
        }
      },
      BROWSER_TEST_MS,
    );
  });

  describe('a server with API_TOKENS', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ env: { API_TOKENS: TOKEN } });
    });
    afterAll(() => h?.stop());

    it(
      'serves the page and its files without a token; a query without one is UNAUTHENTICATED',
      async () => {
        const { page, blocked, close } = await openGraphiQL(h);
        try {
          await selectTab(page, 'Providers');
          await run(page, /UNAUTHENTICATED/);
          expect(blocked).toEqual([]);
        } finally {
          await close();
        }
      },
      BROWSER_TEST_MS,
    );

    it(
      'sends the Headers tab token with queries and, in connection_init, with subscriptions',
      async () => {
        const { page, blocked, sockets, close } = await openGraphiQL(h);
        try {
          await selectTab(page, 'Providers');
          await setHeaders(page, { Authorization: `Bearer ${TOKEN}` });
          await run(page, /"provider": "VIDEO_JUNGLE"/);

          await selectTab(page, 'StatusChanges');
          await setHeaders(page, { Authorization: `Bearer ${TOKEN}` });
          await run(page, ...SUBSCRIPTION_EVENT);
          // Over graphql-ws the token travels in connection_init (without it the server closes the socket,
          // 4403). A socket opened within GraphiQL's debounce of the edit carries the previous headers
          // and is refused; graphql-ws reconnects, so it is the last socket that must carry the token.
          for (const socket of sockets) expect(socket.url).toMatch(WS_URL);
          expect(sockets.at(-1)?.init).toEqual({ authorization: `Bearer ${TOKEN}` });
          expect(blocked).toEqual([]);
        } finally {
          await close();
        }
      },
      BROWSER_TEST_MS,
    );
  });
});
