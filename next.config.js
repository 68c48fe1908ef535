// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite breaks when bundled (it resolves its wasm files by URL at run time).
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  experimental: {
    // forbidden() gives a real 403 status.
    authInterrupts: true,
  },
};

module.exports = withNextIntl(nextConfig);
