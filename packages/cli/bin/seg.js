#!/usr/bin/env node
// Runs the TypeScript sources with tsx (no build step); exit code and signals pass through.
const { spawnSync } = require('child_process');
const path = require('path');
const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, '..', 'src', 'bin.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
if (r.signal) process.kill(process.pid, r.signal);
process.exit(r.status ?? 1);
