// Sandboxed preload: it may import only 'electron' at run time; everything else is bundled in.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld('shiftdeck', createBridge(ipcRenderer));
