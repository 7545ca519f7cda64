// The 390 px checks' helpers: horizontal overflow and controls under 24 px on a side (links inside sentences are
// exempt, as WCAG 2.5.8 allows), and the elements that overflow, for the failure message.
import type { Page } from 'playwright-core';
import { layoutOf } from './console-suite.ts';

export const layout = (page: Page) => layoutOf(page, 'button, input, select, summary, nav a');

/** The elements that reach past the right edge, for a message when a page overflows. */
export const tooWide = (page: Page) =>
  page.evaluate<string[]>(`(() => [...document.querySelectorAll('main *')]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
    .map((el) => el.tagName + '#' + el.id + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))
    .slice(0, 12))()`);
