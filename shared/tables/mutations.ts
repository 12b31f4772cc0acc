import type { MutationDef } from '../mutations/define.js';
import { setTicketStatus } from './kitchen-mutations.js';
import { saveArea, saveCategory, saveItem, saveTable, setAvailability } from './menu-mutations.js';
import { addLine, compLine, removeLine, sendOrder, voidLine } from './order-mutations.js';
import { recordPayment } from './payment-mutations.js';
import { closeShift, openShift, setAcceptingOrders } from './service-mutations.js';
import { closeSession, mergeSessions, moveSession, openSession, setGuests } from './session-mutations.js';

/** The table-service mutations, registered with one line in shared/mutations/index.ts. */
export const TABLES_MUTATIONS: readonly MutationDef[] = [
  saveCategory,
  saveItem,
  setAvailability,
  saveArea,
  saveTable,
  openSession,
  setGuests,
  moveSession,
  mergeSessions,
  closeSession,
  addLine,
  removeLine,
  sendOrder,
  voidLine,
  compLine,
  setTicketStatus,
  recordPayment,
  setAcceptingOrders,
  openShift,
  closeShift,
];
