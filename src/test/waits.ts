export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the condition holds, checking every 100 ms; throws after ms. */
export async function until(condition: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not so within ${ms} ms`);
    await sleep(100);
  }
}

/**
 * How long after `since` the condition first held, checking every `everyMs`; Infinity when it
 * did not within `withinMs` of since.
 */
export async function msUntil(
  condition: () => Promise<boolean>,
  since: number,
  withinMs = 20_000,
  everyMs = 100,
) {
  while (performance.now() - since < withinMs) {
    if (await condition()) return performance.now() - since;
    if (everyMs > 0) await sleep(everyMs);
  }
  return Number.POSITIVE_INFINITY;
}

/** Reads a stream until it has carried `expected`, for at most 15 s; returns what it read. */
export async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, expected: string) {
  let text = '';
  const deadline = Date.now() + 15_000;
  while (!text.includes(expected) && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  return text;
}
