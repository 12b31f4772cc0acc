// The Electron main process: the only file that touches `app`. It wires the policies in this
// folder to Electron's objects; each policy is a plain function with its own unit test.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import electronUpdater from 'electron-updater';
import pino from 'pino';
import { APP_ENTRY_URL, APP_SCHEME, createAppUrlCheck } from './app-origin.js';
import { createAppRequestHandler, registerAppScheme } from './app-protocol.js';
import { contentSecurityPolicy, installCsp } from './csp.js';
import { forwardCoreEvents, registerIpcBridge } from './ipc-bridge.js';
import { loadKiosk } from './kiosk-loader.js';
import { kioskPermissions } from './permissions.js';
import { applyLaunchOverrides, loadSettings, settingsPath } from './settings.js';
import { claimSingleInstance } from './single-instance.js';
import { startUpdates } from './updates.js';
import { kioskWindowOptions, lockDevTools, lockWebContents, reloadAfterCrash } from './window-policy.js';

// Tests and side-by-side development runs get their own profile (and their own instance lock).
if (process.env.SHIFTDECK_USER_DATA) app.setPath('userData', process.env.SHIFTDECK_USER_DATA);

const userData = app.getPath('userData');
// A packaged kiosk logs to a file an administrator can collect; a development run to stderr.
const logFile = app.isPackaged ? path.join(userData, 'logs', 'main.log') : null;
const log = pino(
  { name: 'shiftdeck-main', level: process.env.SHIFTDECK_LOG_LEVEL ?? 'info' },
  logFile ? pino.destination({ dest: logFile, mkdir: true, sync: false }) : pino.destination(2),
);

const appRoot = app.getAppPath();
const devTools = !app.isPackaged;
// electron-builder copies resources/ beside app.asar (extraResources); a checkout reads its own.
const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(appRoot, 'resources');
// electron-vite dev sets this; a packaged app never serves from anywhere but app://.
const devServer = app.isPackaged ? null : (process.env.ELECTRON_RENDERER_URL ?? null);
const isAppUrl = createAppUrlCheck(devServer);

registerAppScheme(protocol);

let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  const settings = applyLaunchOverrides(loadSettings(settingsPath(userData), { log }), process.argv, process.env);
  const csp = contentSecurityPolicy(devServer);
  protocol.handle(APP_SCHEME, createAppRequestHandler(path.join(appRoot, 'out', 'renderer'), csp, resourcesDir));
  installCsp(session.defaultSession.webRequest, isAppUrl, csp);
  kioskPermissions(session.defaultSession, isAppUrl, log);
  if (app.isPackaged) Menu.setApplicationMenu(null);

  const kiosk = await loadKiosk({
    dataDir: path.join(userData, 'data'),
    migrationsDir: path.join(appRoot, 'migrations', 'local'),
    demo: settings.demo && !settings.sync,
    siteKey: settings.sync ? undefined : (settings.siteKey ?? (settings.demo ? 'restaurant' : undefined)),
    sync: settings.sync,
    log,
  });
  const stopBridge = registerIpcBridge(ipcMain, { dispatcher: kiosk.dispatcher, isAppUrl, log });
  const stopEvents = forwardCoreEvents(kiosk.events, {
    targets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    isAppUrl,
    log,
  });

  const window = new BrowserWindow(
    kioskWindowOptions({
      preload: path.join(appRoot, 'out', 'preload', 'index.cjs'),
      devTools,
      kiosk: settings.kiosk ?? app.isPackaged,
    }),
  );
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  reloadAfterCrash(window.webContents, { setTimeout, log });

  // electron-updater only works in a packaged app (it reads app-update.yml from resources).
  const feedBase = settings.updates.url;
  const updates = app.isPackaged
    ? startUpdates({
        updater: electronUpdater.autoUpdater,
        settings: settings.updates,
        // A synced kiosk follows its site's staged rollout; a standalone one the feed as configured.
        plan: settings.sync && feedBase ? () => kiosk.updatePlan(feedBase) : undefined,
        log,
      })
    : { enabled: false, stop() {} };

  let closed = false;
  let closing = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    updates.stop();
    stopEvents();
    stopBridge();
    kiosk
      .close()
      .catch((err: unknown) => log.error({ err }, 'Closing the kiosk core failed'))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  await window.loadURL(devServer ?? APP_ENTRY_URL);
}

if (claimSingleInstance(app, () => mainWindow)) {
  app.on('web-contents-created', (_event, contents) => {
    lockWebContents(contents, isAppUrl, log);
    lockDevTools(contents, devTools, log);
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      // AppErrors from the core carry a message meant for a person (e.g. "belongs to no site yet").
      const message = err instanceof Error ? err.message : String(err);
      log.error({ err }, 'Shiftdeck could not start');
      dialog.showErrorBox('Shiftdeck could not start', logFile ? `${message}\n\nDetails are in ${logFile}.` : message);
      app.exit(1);
    });
}
