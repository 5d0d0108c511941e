const preset = require('../../jest/preset');
// content-disposition 3 (under @fastify/static) is ESM-only: let @swc/jest compile it to CommonJS.
module.exports = { ...preset, transformIgnorePatterns: ['/node_modules/(?!\\.pnpm|content-disposition)'] };
