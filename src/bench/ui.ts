import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM, signInAsDemo, startBuiltApp } from './built-app';
import { median } from './load';
import { writeBenchJson } from './report';

/**
 * `npm run build && npm run bench:ui -- [--runs N] [--page /path]... [--js-only]`
 *
 * Serves the production build over a fresh embedded database with the demo organization, then
 * measures, signed in as the demo user: the JavaScript the customers page loads on a first
 * visit (gzip), and Lighthouse (desktop) on the dashboard and the customers page, the median
 * of N runs. Budgets: 200 KB of JavaScript; performance ≥ 90, accessibility and best
 * practices ≥ 95. Exits 1 when one is missed.
 */
const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    /** Only these pages (repeat the flag); default: the dashboard and the customers page. */
    page: { type: 'string', multiple: true },
    /** Measure only the JavaScript, listing each file. */
    'js-only': { type: 'boolean', default: false },
  },
});
const runs = Number(flags.runs);
const JS_BUDGET_KB = 200;
const SCORE_BUDGETS = { performance: 90, accessibility: 95, 'best-practices': 95 } as const;
type Category = keyof typeof SCORE_BUDGETS;
const CATEGORIES = Object.keys(SCORE_BUDGETS) as Category[];

const log = (message: string) => process.stderr.write(`${message}\n`);
/** Signs in as the demo user; returns the session cookie as a Cookie header. */
async function signIn(origin: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  await signInAsDemo(page, origin);
  const cookies = await page.context().cookies();
  await browser.close();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** Every script a first visit to the page loads (empty cache), gzip-compressed as served. */
async function firstLoadJs(origin: string, pathname: string, cookie: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const context = await browser.newContext({ extraHTTPHeaders: { cookie } });
  const page = await context.newPage();
  const scripts: Promise<{ url: string; kb: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      scripts.push(
        response.body().then((body) => ({
          url: new URL(response.url()).pathname,
          kb: gzipSync(body).length / 1024,
        })),
      );
    }
  });
  await page.goto(`${origin}${pathname}`, { waitUntil: 'networkidle' });
  const files = (await Promise.all(scripts)).sort((a, b) => b.kb - a.kb);
  await browser.close();
  for (const file of files) log(`  ${file.kb.toFixed(1).padStart(6)} KB  ${file.url}`);
  return { files: files.length, kb: files.reduce((sum, file) => sum + file.kb, 0) };
}

async function lighthouseScores(origin: string, pathname: string, cookie: string) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const scores: Record<Category, number[]> = {
      performance: [],
      accessibility: [],
      'best-practices': [],
    };
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(
        `${origin}${pathname}`,
        { port: chrome.port, output: 'json', logLevel: 'error', extraHeaders: { Cookie: cookie } },
        { ...desktopConfig, settings: { ...desktopConfig.settings, onlyCategories: CATEGORIES } },
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${pathname}`);
      for (const category of CATEGORIES) {
        const { score = 0, auditRefs = [] } = result.lhr.categories[category] ?? {};
        scores[category].push(Math.round((score ?? 0) * 100));
        // Name what cost points (weighted audits that did not pass), once per page.
        if (run > 0) continue;
        for (const ref of auditRefs) {
          const audit = result.lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
            const details = audit.details as { items?: unknown[] } | undefined;
            const example = details?.items?.[0];
            log(
              `  ${pathname} ${category}: ${audit.title} (${audit.displayValue ?? audit.score})` +
                (example ? ` e.g. ${JSON.stringify(example).slice(0, 300)}` : ''),
            );
          }
        }
      }
    }
    return Object.fromEntries(
      CATEGORIES.map((category) => [category, median(scores[category])]),
    ) as Record<Category, number>;
  } finally {
    chrome.kill();
  }
}

async function main() {
  log('preparing a fresh embedded database with the demo organization…');
  const { origin, stop } = await startBuiltApp();
  try {
    const cookie = await signIn(origin);
    const js = await firstLoadJs(origin, '/customers', cookie);
    const pages: { path: string; scores: Record<Category, number> }[] = [];
    const pagePaths = flags.page ?? ['/dashboard', '/customers'];
    for (const pathname of flags['js-only'] ? [] : pagePaths) {
      log(`Lighthouse on ${pathname} (${runs} runs)…`);
      pages.push({ path: pathname, scores: await lighthouseScores(origin, pathname, cookie) });
    }

    const failures = [
      ...(js.kb > JS_BUDGET_KB ? [`customers page JavaScript ${js.kb.toFixed(1)} KB`] : []),
      ...pages.flatMap(({ path: pathname, scores }) =>
        CATEGORIES.filter((category) => scores[category] < SCORE_BUDGETS[category]).map(
          (category) => `${pathname} ${category} ${scores[category]}`,
        ),
      ),
    ];
    const table = [
      `First-load JavaScript of /customers: ${js.kb.toFixed(1)} KB gzip in ${js.files} files (budget ${JS_BUDGET_KB} KB)`,
      '',
      '| page | performance | accessibility | best practices |',
      '| --- | ---: | ---: | ---: |',
      ...pages.map(
        ({ path: pathname, scores }) =>
          `| ${pathname} | ${scores.performance} | ${scores.accessibility} | ${scores['best-practices']} |`,
      ),
      '',
      `Lighthouse ${runs} runs each (median), desktop preset, ${CHROMIUM}; budgets ≥ 90 / 95 / 95.`,
    ].join('\n');
    console.info(table);
    const date = new Date().toISOString();
    log(`wrote ${writeBenchJson('ui', date, { date, runs, js, pages, failures })}`);
    if (failures.length > 0) {
      log(`missed: ${failures.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    stop();
  }
}

await main();
