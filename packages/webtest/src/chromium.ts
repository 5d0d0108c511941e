import { existsSync } from 'fs';

/** Debian's chromium; CI installs it with apt. CHROMIUM_PATH overrides it (e.g. another distro's path). */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags measured to run onnxruntime-web in headless Debian chromium (see shared notes, toolchain.md):
 * no sandbox (root in CI), no GPU, and nothing that reaches the network on its own.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The chromium executable to launch, or an Error telling how to install it. */
export function chromiumPath(explicit?: string): string {
  const p = explicit ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  if (!existsSync(p)) {
    throw new Error(
      `chromium not found at ${p}: browser tests need Debian's chromium; install it with \`apt-get install -y chromium\`` +
        ' (or set CHROMIUM_PATH to a chromium executable)',
    );
  }
  return p;
}
