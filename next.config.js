// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite breaks when bundled (it resolves its wasm files by URL at run time).
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pdfkit', 'harfbuzzjs'],
  poweredByHeader: false,
  // Headers that need no per-request value. The Content-Security-Policy, with its
  // per-request nonce, is set by the proxy (lib/security/csp.ts).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
        ],
      },
      {
        // A one-time link's token is in the address: no Referer, and no copy in any cache.
        source: '/set-password/:token*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'Cache-Control', value: 'no-store' },
        ],
      },
    ];
  },
  experimental: {
    // forbidden() gives a real 403 status.
    authInterrupts: true,
  },
};

module.exports = withNextIntl(nextConfig);
