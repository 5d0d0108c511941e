const preset = require('../../jest/preset');
// The e2e test starts apps/server, whose @fastify/static needs ESM-only content-disposition 3 compiled to CommonJS.
module.exports = { ...preset, transformIgnorePatterns: ['/node_modules/(?!\\.pnpm|content-disposition)'] };
