import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

export const ROOT = path.resolve(import.meta.dirname, '..');

export const readRepositoryFile = (relative: string) =>
  readFileSync(path.join(ROOT, relative), 'utf8');

/** The YAML documents of a file; a duplicate key or any syntax problem fails the reading. */
export function parseYamlFile(relative: string): unknown[] {
  return parseAllDocuments(readRepositoryFile(relative), { merge: true, uniqueKeys: true }).map(
    (document) => {
      const problems = [...document.errors, ...document.warnings];
      if (problems.length > 0) {
        throw new Error(`${relative}: ${problems.map((problem) => problem.message).join('; ')}`);
      }
      return document.toJS() as unknown;
    },
  );
}

/** One instruction of a Dockerfile, its continuation lines joined and comments left out. */
export interface DockerInstruction {
  keyword: string;
  args: string;
}

export function dockerInstructions(content: string): DockerInstruction[] {
  const instructions: DockerInstruction[] = [];
  let pending = '';
  for (const line of content.split('\n')) {
    // Comments (parser directives too) may also sit between continuation lines.
    if (/^\s*#/.test(line)) continue;
    const continued = /\\\s*$/.test(line);
    pending += continued ? line.replace(/\\\s*$/, ' ') : line;
    if (continued) continue;
    const match = /^\s*(\w+)\s+(.*)$/.exec(pending);
    if (match) instructions.push({ keyword: match[1]!.toUpperCase(), args: match[2]!.trim() });
    pending = '';
  }
  return instructions;
}

/** The level of a markdown heading line (1 for `# Title`), or undefined for any other line. */
function headingLevel(line: string): number | undefined {
  return /^(#{1,6}) /.exec(line)?.[1]?.length;
}

/**
 * The names of the variables a markdown table lists in its first column, in the section under a
 * heading given with its level (`# Configuration`), up to the next heading of that level or above.
 */
export function variablesInMarkdownTable(markdown: string, heading: string): Set<string> {
  const level = headingLevel(heading);
  if (level === undefined) throw new Error(`"${heading}" is not a markdown heading`);
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start === -1) throw new Error(`The document has no "${heading}" heading`);
  const names = new Set<string>();
  let fenced = false;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) continue;
    const lineLevel = headingLevel(line);
    if (lineLevel !== undefined && lineLevel <= level) break;
    const firstCell = /^\|([^|]*)\|/.exec(line)?.[1] ?? '';
    for (const [, name] of firstCell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(name!);
  }
  return names;
}

/** The variables a dotenv file assigns (NAME=value lines). */
export function variablesInDotenv(content: string): Set<string> {
  return new Set([...content.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]!));
}
