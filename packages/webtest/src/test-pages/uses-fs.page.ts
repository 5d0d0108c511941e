// Imports a node built-in: bundling for the browser must fail with a clear error.
import { readFileSync } from 'fs';
import { report } from '../page';

report(() => readFileSync('/etc/hostname', 'utf8'));
