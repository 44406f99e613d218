import { chromium, expect as baseExpect, type Locator, type Page } from '@playwright/test';
import { CHROMIUM, signInAsDemo, startBuiltApp } from './built-app';
import { writeBenchJson } from './report';

/**
 * `npm run build && npm run bench:tasks`
 *
 * A sales rep's daily tasks, done in a real browser on the production build the shortest way
 * the app offers, counting what a person would do: clicks (a file picked counts as two) and
 * keys (a chord such as Ctrl+K counts each key). Each task ends when its result is on screen.
 * Reported per task: clicks, keys, the app's own time (the browser's wait for pages and
 * answers, input being instant) and an estimate of a person's time by the Keystroke-Level
 * Model (1.3 s to point and click, 0.28 s a key, plus the app's time; no thinking time).
 */
const CLICK_SECONDS = 1.1 + 0.2;
const KEY_SECONDS = 0.28;
/** Waits for results, not a time limit: the bench may share the machine. */
const expect = baseExpect.configure({ timeout: 30_000 });

class Person {
  clicks = 0;
  keys = 0;
  constructor(readonly page: Page) {}

  async click(target: Locator) {
    this.clicks += 1;
    await target.click();
  }

  /** Clicks into a field, then types. */
  async fill(target: Locator, text: string) {
    await this.click(target);
    await this.type(text);
  }

  async type(text: string) {
    this.keys += text.length;
    await this.page.keyboard.type(text);
  }

  /** A key or a chord ("ControlOrMeta+K" is two keys). */
  async press(keys: string) {
    this.keys += keys.split('+').length;
    await this.page.keyboard.press(keys);
  }

  /** Opens a native select and picks an option: two clicks. */
  async select(target: Locator, value: string) {
    this.clicks += 2;
    await target.selectOption(value);
  }

  /** The file button, then the file in the system's picker: two clicks. */
  async pickFile(target: Locator, name: string, text: string) {
    this.clicks += 2;
    await target.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  }
}

interface DailyTask {
  name: string;
  /** Not counted: puts the browser where the task starts. */
  setUp?: (page: Page) => Promise<void>;
  run: (person: Person) => Promise<void>;
}

/** Records the tasks work with, made through the API as the signed-in user. */
async function seedRecords(page: Page) {
  const create = (input: Record<string, unknown>) =>
    page.evaluate(async (json) => {
      const response = await fetch('/api/trpc/customers.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json }),
      });
      if (!response.ok) throw new Error(`customers.create answered ${response.status}`);
    }, input);
  for (const [firstName, lastName, tags] of [
    ['Nadia', 'Quist', ['vip']],
    ['Pavel', 'Orlov', []],
    ['Wren', 'Ashby', ['vip']],
    ['Rosalind', 'Franklin', []],
  ] as const) {
    await create({ firstName, lastName, tags, status: 'active' });
  }
}

const IMPORT_CSV = [
  'First name,Last name,Email,Status',
  'Ada,Byron,ada.byron@import.example,lead',
  'Alan,Turing,alan.turing@import.example,actve',
  'Grace,Hopper,grace.hopper@import.example,active',
].join('\n');

const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline, newest first' });

const TASKS: DailyTask[] = [
  {
    name: 'Find a misspelt customer ("rosalind franklyn") and open them',
    setUp: (page) => page.goto('/dashboard').then(() => undefined),
    run: async (person) => {
      await person.press('ControlOrMeta+K');
      await person.type('rosalind franklyn');
      await expect(
        person.page.getByRole('option', { name: /Rosalind Franklin/ }).first(),
      ).toBeVisible();
      await person.press('Enter');
      await expect(person.page.getByRole('heading', { name: 'Rosalind Franklin' })).toBeVisible();
    },
  },
  {
    name: 'Log a call on the open customer',
    run: async (person) => {
      await person.press('ControlOrMeta+K');
      await person.type('log a call');
      await expect(person.page.getByRole('option', { name: 'Log a call' })).toBeVisible();
      await person.press('Enter');
      const entry = person.page.getByRole('form', { name: 'New timeline entry' });
      await expect(entry.getByLabel('Subject')).toBeFocused();
      await person.type('Pricing questions');
      await person.press('Enter');
      await expect(timeline(person.page).getByText('Pricing questions')).toBeVisible();
    },
  },
  {
    name: "Change a customer's status from the list",
    setUp: (page) => page.goto('/customers').then(() => undefined),
    run: async (person) => {
      const { page } = person;
      await person.click(page.getByRole('button', { name: 'Edit status of Pavel Orlov' }));
      await person.select(page.getByRole('combobox', { name: 'Status of Pavel Orlov' }), 'churned');
      await person.press('Enter');
      await expect(page.getByRole('button', { name: 'Edit status of Pavel Orlov' })).toHaveText(
        'Churned',
      );
    },
  },
  {
    name: 'Open the next customer of the list, then the one after',
    setUp: (page) => page.goto('/customers').then(() => undefined),
    run: async (person) => {
      const { page } = person;
      await person.click(page.getByRole('button', { name: 'Preview Wren Ashby' }));
      const panel = page.getByRole('dialog', { name: 'Wren Ashby' });
      await expect(panel).toBeVisible();
      await person.press('j');
      await expect(page.getByRole('dialog', { name: 'Pavel Orlov' })).toBeVisible();
      await person.press('j');
      await expect(page.getByRole('dialog', { name: 'Nadia Quist' })).toBeVisible();
    },
  },
  {
    name: 'Create an order for a customer and mark it paid',
    setUp: (page) => page.goto('/customers').then(() => undefined),
    run: async (person) => {
      const { page } = person;
      await person.click(page.getByRole('link', { name: 'Nadia Quist' }));
      await person.click(page.getByRole('tab', { name: 'Orders' }));
      await person.click(page.getByRole('button', { name: 'New order' }));
      const dialog = page.getByRole('dialog', { name: 'New order' });
      const line = dialog.getByRole('group', { name: 'Line 1' });
      await person.fill(line.getByLabel('Description'), 'Onboarding');
      await person.fill(line.getByLabel('Unit price'), '500');
      await person.click(dialog.getByRole('button', { name: 'Create order' }));
      await person.click(page.getByRole('button', { name: 'Mark as placed' }));
      await person.click(page.getByRole('button', { name: 'Mark as paid' }));
      const history = page.getByRole('region', { name: 'Status history' });
      await expect(history).toContainText('Paid by');
    },
  },
  {
    name: 'Tag three customers at once',
    setUp: (page) => page.goto('/customers').then(() => undefined),
    run: async (person) => {
      const { page } = person;
      for (const name of ['Nadia Quist', 'Pavel Orlov', 'Wren Ashby']) {
        await person.click(page.getByRole('checkbox', { name: `Select ${name}` }));
      }
      const bar = page.getByRole('region', { name: 'Selected customers' });
      await person.click(bar.getByRole('button', { name: 'Add tag' }));
      const dialog = page.getByRole('dialog', { name: 'Add a tag' });
      await person.fill(dialog.getByLabel('Tag'), 'expo');
      await person.click(dialog.getByRole('button', { name: 'Add tag' }));
      await expect(page.getByText('3 customers changed')).toBeVisible();
    },
  },
  {
    name: 'Come back to the active VIP customers (status and tag filters)',
    setUp: async (page) => {
      await page.goto('/customers?status=active&tag=vip');
      await page.getByRole('button', { name: 'Save view' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save view' });
      await dialog.getByLabel('View name').fill('Active VIPs');
      await dialog.getByRole('button', { name: 'Save view' }).click();
      await page.getByRole('button', { name: 'Options for the view Active VIPs' }).click();
      await page.getByRole('menuitem', { name: 'Pin as a tab' }).click();
      await page.goto('/customers');
    },
    run: async (person) => {
      const { page } = person;
      const tabs = page.getByRole('navigation', { name: 'Saved views' });
      await person.click(tabs.getByRole('link', { name: 'Active VIPs' }));
      await expect(page).toHaveURL(/tag=vip/);
      await expect(page.getByRole('link', { name: 'Pavel Orlov' })).toBeHidden();
      await expect(page.getByRole('link', { name: 'Wren Ashby' })).toBeVisible();
    },
  },
  {
    name: 'Export the customers list',
    setUp: (page) => page.goto('/customers').then(() => undefined),
    run: async (person) => {
      const { page } = person;
      const download = page.waitForEvent('download');
      await person.click(page.getByRole('link', { name: 'Export CSV' }));
      expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    },
  },
  {
    name: 'Import three customers, one with a misspelt status, all of them in',
    setUp: (page) => page.goto('/import').then(() => undefined),
    run: async (person) => {
      const { page } = person;
      await person.pickFile(page.getByLabel('CSV file', { exact: true }), 'people.csv', IMPORT_CSV);
      await person.click(page.getByRole('button', { name: 'Read the file' }));
      await person.click(page.getByRole('button', { name: 'Check the rows' }));
      const review = page.getByRole('region', { name: 'Check the rows' });
      const status = review.getByRole('textbox', { name: 'Status, line 3' });
      await person.click(status);
      await person.press('ControlOrMeta+A');
      await person.type('active');
      await person.press('Tab');
      await expect(review.getByRole('status')).toContainText('3 rows ready to import');
      await person.click(review.getByRole('button', { name: 'Start import' }));
      await expect(
        page.getByRole('region', { name: 'Import finished' }).getByRole('status'),
      ).toContainText('3');
    },
  },
  {
    name: 'Invite a teammate',
    setUp: (page) => page.goto('/team').then(() => undefined),
    run: async (person) => {
      const { page } = person;
      await person.click(page.getByRole('button', { name: 'Invite member' }));
      const dialog = page.getByRole('dialog', { name: 'Invite a member' });
      await person.fill(dialog.getByLabel('Email'), 'sam@example.com');
      await person.click(dialog.getByRole('button', { name: 'Send invitation' }));
      await expect(page.getByText('Invitation sent to sam@example.com')).toBeVisible();
    },
  },
];

interface TaskResult {
  task: string;
  clicks: number;
  keys: number;
  appSeconds: number;
  personSeconds: number;
}

async function measureTasks(origin: string): Promise<TaskResult[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({
      baseURL: origin,
      viewport: { width: 1440, height: 900 },
    });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await signInAsDemo(page, origin);
    await seedRecords(page);
    const results: TaskResult[] = [];
    for (const task of TASKS) {
      if (task.setUp) await task.setUp(page);
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
      process.stderr.write(`${task.name}…\n`);
      const person = new Person(page);
      const started = performance.now();
      await task.run(person);
      const appSeconds = (performance.now() - started) / 1000;
      results.push({
        task: task.name,
        clicks: person.clicks,
        keys: person.keys,
        appSeconds,
        personSeconds: person.clicks * CLICK_SECONDS + person.keys * KEY_SECONDS + appSeconds,
      });
    }
    return results;
  } finally {
    await browser.close();
  }
}

const { origin, stop } = await startBuiltApp();
try {
  const startedAt = new Date().toISOString();
  const results = await measureTasks(origin);
  console.info(
    [
      '| task | clicks | keys | app time | a person (KLM) |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...results.map(
        (r) =>
          `| ${r.task} | ${r.clicks} | ${r.keys} | ${r.appSeconds.toFixed(1)} s | ${r.personSeconds.toFixed(1)} s |`,
      ),
    ].join('\n'),
  );
  process.stderr.write(`wrote ${writeBenchJson('tasks', startedAt, { startedAt, results })}\n`);
} finally {
  stop();
}
