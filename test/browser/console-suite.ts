// What each browser suite sets up: the demo console server and Chromium for the suite's tests, a person signed in
// at a width, the demo customers of the sign-in picker, and what a page's layout looks like on a phone.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchChromium,
  startConsoleServer,
  type ConsoleServer,
  type ConsoleServerOptions,
} from './console-server.ts';

export interface ConsoleSuite {
  readonly server: ConsoleServer;
  readonly browser: Browser;
  /** A new browser context `width` px wide, the console open, and `button` of the sign-in picker clicked. */
  signIn(width: number, button: string, height?: number): Promise<Page>;
  /** The names of the demo customers' buttons on the sign-in picker ("Customer C…"). */
  pickerCustomers(): Promise<string[]>;
}

const started = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`${what} starts in the suite's beforeAll`);
  return value;
};

/**
 * Call inside `describe`: before its tests, starts a demo bank of `customers` behind the console (with `options`),
 * Chromium, and then `setup`; after them, closes both.
 */
export function consoleSuite(
  customers?: number,
  setup?: (suite: ConsoleSuite) => Promise<void>,
  options: ConsoleServerOptions = {},
): ConsoleSuite {
  let server: ConsoleServer | undefined;
  let browser: Browser | undefined;
  const suite: ConsoleSuite = {
    get server() {
      return started(server, 'the console server');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    async signIn(width, button, height = 900) {
      const context = await suite.browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await page.goto(suite.server.url);
      await page.getByRole('button', { name: button, exact: true }).click();
      return page;
    },
    async pickerCustomers() {
      const picker = await suite.browser.newPage();
      await picker.goto(suite.server.url);
      await picker.getByRole('heading', { name: /^DEMO ONLY/ }).waitFor();
      const names = await picker.getByRole('button', { name: /^Customer C\d{8}$/ }).allTextContents();
      await picker.close();
      return names;
    },
  };
  beforeAll(async () => {
    server = await startConsoleServer(customers, options);
    browser = await launchChromium();
    await setup?.(suite);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return suite;
}

/** How far the page overflows the window sideways, in px (0 or less: it fits). */
export const overflowOf = (page: Page): Promise<number> =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

/**
 * Runs in the page (a string: the tests' TypeScript knows no DOM): the horizontal overflow, and the visible
 * `controls` smaller than 24 px on a side.
 */
export const layoutOf = (page: Page, controls: string): Promise<{ overflow: number; small: string[] }> =>
  page.evaluate<{ overflow: number; small: string[] }>(`(() => {
    const small = [...document.querySelectorAll(${JSON.stringify(controls)})]
      .filter((el) => el.getClientRects().length > 0 && !el.classList.contains('skip'))
      .map((el) => [el, el.getBoundingClientRect()])
      .filter(([, r]) => r.width < 24 || r.height < 24)
      .map(([el, r]) => el.outerHTML.slice(0, 60) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, small };
  })()`);
