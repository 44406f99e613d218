// In development, Next serves its scripts and hot reloading only to the hosts it knows. When
// APP_URL is on this machine, its other loopback names are this machine too, so the development
// server also works opened at http://127.0.0.1:3000 for http://localhost:3000 (the same rule
// as the cross-site check in src/server/api/csrf.ts; Next applies it in development only).
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const appHost = new URL(process.env.APP_URL || 'http://localhost').hostname;

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // .next/standalone: the traced server files, completed by deploy/assemble.mjs for the image.
  output: 'standalone',
  allowedDevOrigins: LOOPBACK_HOSTS.includes(appHost) ? LOOPBACK_HOSTS : [],
  // The custom server logs each request, with its path and never its query string (which can
  // hold a token, or a form's fields sent before the page's scripts ran); Next's own lines
  // would print the whole URL.
  logging: { incomingRequests: false },
  // Loaded from node_modules at run time, not bundled: WASM (PGlite), native code (argon2),
  // and modules whose state must be shared with the custom server in the same process.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@node-rs/argon2',
    'postgres',
    'pino',
    'prom-client',
    'oidc-provider',
  ],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
