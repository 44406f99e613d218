import path from 'node:path';
import { pathToPointer } from '@stoplight/json';
import { Ruleset } from '@stoplight/spectral-core';
import owasp from '@stoplight/spectral-owasp-ruleset';

/** The name the linted document is given; the overrides below point into it. */
export const LINTED_DOCUMENT = path.join(import.meta.dirname, 'openapi.json');

/** The properties of an operation's 200 body, as a JSON pointer into the linted document. */
function responseProperties(path: string, method: string) {
  const body = ['paths', path, method, 'responses', '200', 'content', 'application/json'];
  return `openapi.json${pathToPointer([...body, 'schema', 'properties'])}`;
}

/**
 * The OWASP API Security ruleset (Spectral) as the OpenAPI document is held to it: every rule
 * on, except where the API cannot honestly say what a rule asks for. Each exception says why.
 *
 * It is meant for the document a production deployment serves, whose APP_URL is https: the
 * development default (http://localhost:3000) is rightly an error under
 * owasp:api8:2023-no-server-http. Its warnings (free text such as names, which has no format
 * or pattern to state) are reported, not failed.
 */
export function owaspRuleset(): Ruleset {
  return new Ruleset(
    {
      extends: [owasp],
      overrides: [
        {
          // These lists hold everything at once, so no maximum would be true: every member of
          // the organization (one page, as the design has it), every pipeline (a handful), the
          // whole stage history of one deal, and everything held about one person in a
          // data-subject export (GDPR article 15 asks for all of it), every OAuth app (a
          // handful) and every grant people gave them (one per person and app).
          files: [
            `${responseProperties('/members', 'get')}/items`,
            `${responseProperties('/pipelines', 'get')}/items`,
            `${responseProperties('/apps', 'get')}/items`,
            `${responseProperties('/app-grants', 'get')}/items`,
            `${responseProperties('/deals/{id}/stages', 'get')}/items`,
            ...['interactions', 'orders', 'auditTrail'].map(
              (list) => `${responseProperties('/customers/{id}/export', 'get')}/${list}`,
            ),
          ],
          rules: { 'owasp:api4:2023-array-limit': 'off' },
        },
      ],
    },
    { source: path.join(import.meta.dirname, 'spectral-ruleset.ts') },
  );
}
