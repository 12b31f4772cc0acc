import { join } from 'node:path';
import { appRoot } from './paths.js';

/**
 * The folders of resources/ the kiosk page may load by URL, each at the same name
 * (`training-images/thermometer.svg` → resources/training-images/thermometer.svg). The rest of
 * resources/ (templates, demo data, packaging files) is read by code and never served.
 */
export const SERVED_RESOURCE_FOLDERS: readonly string[] = Object.freeze(['training-images']);

/**
 * resources/ as it sits in a source checkout or an unpacked build. A packaged Electron app
 * carries it outside app.asar (electron-builder extraResources) and passes its own path instead.
 */
export const defaultResourcesDir = join(appRoot, 'resources');

/**
 * The served folder a URL path starts with, or null: `/training-images/x.svg` → 'training-images'.
 *
 * @example
 * servedResourceFolder('/training-images/thermometer.svg'); // 'training-images'
 * servedResourceFolder('/assets/main.js');                  // null
 */
export function servedResourceFolder(urlPath: string): string | null {
  const first = urlPath.split(/[?#]/, 1)[0].split('/')[1] ?? '';
  return SERVED_RESOURCE_FOLDERS.includes(first) ? first : null;
}
