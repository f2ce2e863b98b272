// Before end-to-end tests: Debian's Chromium must be there. As root we install it; otherwise we say how.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
	if (process.getuid?.() === 0) {
		console.log('Chromium is missing: installing Debian\'s chromium package …');
		execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit' });
	} else {
		console.error(`Chromium was not found at ${path}.\nInstall it as root with:  sudo apt-get install -y chromium fonts-noto-cjk\nor point CHROMIUM_PATH at an existing Chromium binary.`);
		process.exit(1);
	}
}
