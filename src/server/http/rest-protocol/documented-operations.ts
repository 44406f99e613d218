import { randomUUID } from 'node:crypto';
import { buildOpenApiDocument } from '@/server/api/openapi';
import { TEST_APP_URL } from '@/test/factories';

const document = buildOpenApiDocument(TEST_APP_URL) as unknown as {
  paths: Record<string, Record<string, unknown>>;
};

/** Every operation of the published document, by method and path template. */
export const operations = Object.entries(document.paths).flatMap(([template, item]) =>
  Object.keys(item).map((method) => ({ method: method.toUpperCase(), template })),
);

/** A path of the template, with a random id for each parameter. */
export const withIds = (template: string) => template.replace(/\{[^}]+\}/g, () => randomUUID());
