import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`; .ci/run installs it), or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why the browser tests cannot run here, or undefined when they can. In CI a missing browser is a
 * failure, not a skip: .ci/run installs it, so its absence there is a broken install step.
 */
export function browserUnavailable(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`;
  if (process.env.CI) throw new Error(`${reason}. CI must run the browser tests (.ci/run installs chromium).`);
  return reason;
}

/** The flags the machine's probe runs chromium with: no sandbox as root, no calls home at start. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  // Playwright gives every launch a fresh, empty user data dir of its own.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** Only loopback hosts are network; data: and blob: URLs never leave the page. */
export function isLoopback(href: string): boolean {
  const url = new URL(href);
  if (url.protocol === 'data:' || url.protocol === 'blob:') return true;
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

/**
 * A context whose every request and websocket to a non-loopback host is aborted, and recorded in
 * `blocked`, so a test can assert the page asked for none.
 */
export async function loopbackOnlyContext(browser: Browser): Promise<{ context: BrowserContext; blocked: string[] }> {
  const blocked: string[] = [];
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route(
    () => true,
    (route) => {
      const href = route.request().url();
      if (isLoopback(href)) return route.continue();
      blocked.push(href);
      return route.abort('internetdisconnected');
    },
  );
  await context.routeWebSocket(
    () => true,
    (ws) => {
      if (isLoopback(ws.url())) return ws.connectToServer();
      blocked.push(ws.url());
      return ws.close();
    },
  );
  return { context, blocked };
}
