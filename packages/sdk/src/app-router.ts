// In the repository the router's type comes from the server's source; the published package
// replaces this file with the bundled declaration that `scripts/build.mjs` writes.
export type { AppRouter } from '../../../src/server/api/root';
