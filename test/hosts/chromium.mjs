// Headless Chromium for the host-app checks (the same binary the test runner uses).
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../scripts/find-chromium.mjs';

export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}
