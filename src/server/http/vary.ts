import type { ServerResponse } from 'node:http';

/** Adds to the response's Vary header (caches keep one copy per value of each named header). */
export function addVary(res: ServerResponse, name: string) {
  const current = String(res.getHeader('vary') ?? '');
  const names = current.split(',').map((piece) => piece.trim());
  if (names.some((piece) => piece.toLowerCase() === name.toLowerCase())) return;
  res.setHeader('vary', current ? `${current}, ${name}` : name);
}
