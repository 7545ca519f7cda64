// Runs in the page: horizontal overflow, and controls under 24 px on a side (links inside sentences are exempt,
// as WCAG 2.5.8 allows).
import type { Page } from 'playwright-core';

export const layout = (page: Page) =>
  page.evaluate<{ overflow: number; small: string[] }>(`(() => {
    const small = [...document.querySelectorAll('button, input, select, summary, nav a')]
      .filter((el) => el.getClientRects().length > 0 && !el.classList.contains('skip'))
      .map((el) => [el, el.getBoundingClientRect()])
      .filter(([, r]) => r.width < 24 || r.height < 24)
      .map(([el, r]) => el.outerHTML.slice(0, 60) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, small };
  })()`);

/** The elements that reach past the right edge, for a message when a page overflows. */
export const tooWide = (page: Page) =>
  page.evaluate<string[]>(`(() => [...document.querySelectorAll('main *')]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
    .map((el) => el.tagName + '#' + el.id + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))
    .slice(0, 12))()`);
