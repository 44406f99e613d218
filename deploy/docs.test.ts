import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepositoryFile, ROOT } from './files';

const README_LIMIT_BYTES = 15_000;

const DOCUMENTS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** A document's lines outside fenced code blocks. */
function proseLines(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').filter((line) => {
    if (line.startsWith('```')) fenced = !fenced;
    return !fenced && !line.startsWith('```');
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const line of proseLines(markdown)) {
    const heading = /^#{1,6} (.+)$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const anchor = anchorOf(heading);
    let unique = anchor;
    for (let suffix = 1; anchors.has(unique); suffix += 1) unique = `${anchor}-${suffix}`;
    anchors.add(unique);
  }
  return anchors;
}

/** The targets of a document's links that stay inside the repository. */
function relativeLinksOf(markdown: string): string[] {
  const targets: string[] = [];
  for (const line of proseLines(markdown)) {
    const text = line.replace(/`[^`]*`/g, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(target!)) targets.push(target!);
    }
  }
  return targets;
}

describe('the documentation', () => {
  it(`keeps the README under ${README_LIMIT_BYTES / 1000} KB`, () => {
    expect(Buffer.byteLength(readRepositoryFile('README.md'))).toBeLessThanOrEqual(
      README_LIMIT_BYTES,
    );
  });

  it('links from the README to every page of docs/', () => {
    const linked = new Set(
      relativeLinksOf(readRepositoryFile('README.md')).map((t) => t.split('#')[0]),
    );
    expect(DOCUMENTS.filter((file) => file.startsWith('docs/') && !linked.has(file))).toEqual([]);
  });

  it.each(DOCUMENTS)('%s links only to files and headings that exist', (document) => {
    const broken: string[] = [];
    for (const target of relativeLinksOf(readRepositoryFile(document))) {
      const [file = '', anchor] = target.split('#');
      const linked = file === '' ? document : path.join(path.dirname(document), file);
      if (!existsSync(path.join(ROOT, linked))) {
        broken.push(`${target}: no file ${linked}`);
      } else if (anchor !== undefined && linked.endsWith('.md')) {
        if (!anchorsOf(readRepositoryFile(linked)).has(anchor)) {
          broken.push(`${target}: no heading #${anchor} in ${linked}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
