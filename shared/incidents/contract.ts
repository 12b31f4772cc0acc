import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { ACTION_STATUSES, isoDateField, reportFields, slaTargetFields } from './mutations.js';
import { regulatoryFields } from './regulatory.js';
import { PHOTO_UPLOAD_MAX_BYTES, photoEntry, photoUpload } from '../attachments/contract.js';
import { INCIDENT_TYPES, SEVERITIES, STAGES } from './workflow.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const empty = z.object({}).strict();
const okOut = z.object({ ok: z.literal(true) });
const names = z.object({ en: z.string(), fr: z.string() });
const clockState = z.enum(['on_track', 'at_risk', 'overdue', 'paused', 'met', 'missed']);
const slaClock = z.object({
  state: clockState,
  used: z.number(),
  dueAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
});
export const slaReading = z.object({ acknowledge: slaClock, resolve: slaClock, state: clockState });
const reason = z.string().trim().max(1000);

export const incidentSummary = z.object({
  id: z.uuid(),
  type: z.enum(INCIDENT_TYPES),
  severity: z.enum(SEVERITIES),
  stage: z.enum(STAGES),
  place: names,
  occurredAt: z.string(),
  reportedAt: z.string(),
  whatHappened: z.string(),
  reporterName: z.string().nullable(),
  confidential: z.boolean(),
  escalationLevel: z.number().int(),
  sla: slaReading,
});

export const escalationEntry = z.object({
  id: z.uuid(),
  level: z.number().int(),
  levelName: names,
  reason: z.enum(['critical', 'sla_breach', 'manual']),
  note: z.string(),
  raisedAt: z.string(),
  raisedByName: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
});

export const actionEntry = z.object({
  id: z.uuid(),
  kind: z.enum(['corrective', 'preventive']),
  title: z.string(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
});

export const incidentDetail = incidentSummary.extend({
  peopleInvolved: z.string(),
  immediateActions: z.string(),
  slaPaused: z.boolean(),
  /** The stages the signed-in person may move it to now (WORKFLOW_MOVES with their permissions). */
  moves: z.array(z.enum(STAGES)),
  canEscalate: z.boolean(),
  history: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['reported', 'move', 'sla_paused', 'sla_resumed']),
      from: z.string().nullable(),
      to: z.string().nullable(),
      reason: z.string(),
      personName: z.string().nullable(),
      at: z.string(),
    }),
  ),
  escalations: z.array(escalationEntry),
  actions: z.array(actionEntry),
  /** The stored log, or the defaults of the site kind and type until someone sets it. */
  regulatory: regulatoryFields.extend({ saved: z.boolean() }),
  /** Photos attached to the report, oldest first, with where each one is. */
  photos: z.array(photoEntry),
  canEditRegulatory: z.boolean(),
  canPause: z.boolean(),
  people: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
});

export const incidentAlert = z.object({
  escalationId: z.uuid(),
  incidentId: z.uuid(),
  level: z.number().int(),
  levelName: names,
  severity: z.enum(SEVERITIES),
  type: z.enum(INCIDENT_TYPES),
  whatHappened: z.string(),
  raisedAt: z.string(),
});

const trendBuckets = z.array(z.object({ label: z.string(), counts: z.record(z.enum(SEVERITIES), z.number().int()) }));

export const dashboardOut = z.object({
  open: z.number().int(),
  byStage: z.record(z.enum(STAGES), z.number().int()),
  bySeverity: z.record(z.enum(SEVERITIES), z.number().int()),
  byType: z.record(z.enum(INCIDENT_TYPES), z.number().int()),
  /** Open incidents by place id. */
  byPlace: z.record(z.string(), z.number().int()),
  sla: z.object({
    onTrack: z.number().int(),
    atRisk: z.number().int(),
    overdue: z.number().int(),
    paused: z.number().int(),
    met: z.number().int(),
    missed: z.number().int(),
  }),
  /** Share of incidents whose finished targets were all met (0-100), null when none has finished. */
  compliancePercent: z.number().nullable(),
  meanAckMinutes: z.number().nullable(),
  meanResolveMinutes: z.number().nullable(),
  /** Unacknowledged escalations, critical first. */
  escalations: z.array(incidentAlert),
  /** Incidents reported per hour, day, week and month, by severity, oldest bucket first (shared/incidents/trends.ts). */
  trends: z.object({ hour: trendBuckets, day: trendBuckets, week: trendBuckets, month: trendBuckets }),
});

/** What the record check says (shared/incidents/record-check.ts). */
export const recordVerdict = z.object({
  status: z.enum(['ok', 'altered', 'removed', 'bad_seal', 'no_seal', 'unsealed']),
  entries: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['reported', 'move', 'sla_paused', 'sla_resumed']),
      at: z.string(),
      state: z.enum(['sealed', 'altered', 'unsealed']),
    }),
  ),
  removed: z.array(z.string()),
  badSeals: z.array(
    z.object({
      id: z.string(),
      problem: z.enum(['key_mismatch', 'head_mismatch', 'bad_signature', 'untrusted_key', 'wrong_incident']),
    }),
  ),
  sealCount: z.number().int(),
  lastSealedAt: z.string().nullable(),
});

/** API methods of the incidents area, merged into the contract (shared/api/contract.ts). */
export const incidentsContract = {
  'incidents.places': method({
    access: 'incidents.report',
    input: empty,
    output: z.array(z.object({ id: z.uuid(), name: names })),
    touchesSession: false,
  }),
  'incidents.settings': method({
    access: 'settings.manage',
    input: empty,
    output: z.object({
      /** Each severity's targets; `own` when the site set them, else the defaults. */
      targets: z.array(
        z.object({
          severity: z.enum(SEVERITIES),
          ackMinutes: z.number().int(),
          resolveMinutes: z.number().int(),
          own: z.boolean(),
        }),
      ),
      places: z.array(z.object({ id: z.uuid(), name: names, own: z.boolean() })),
    }),
  }),
  'incidents.setSlaTarget': method({
    access: 'settings.manage',
    input: slaTargetFields,
    output: okOut,
  }),
  'incidents.addPlace': method({
    access: 'settings.manage',
    input: z.object({ nameEn: z.string().trim().min(1).max(80), nameFr: z.string().trim().min(1).max(80) }).strict(),
    output: z.object({ id: z.uuid() }),
  }),
  'incidents.report': method({ access: 'incidents.report', input: reportFields, output: z.object({ id: z.uuid() }) }),
  /** A photo for an incident (resized on the kiosk before it is sent here), kept by its hash. */
  'incidents.addPhoto': method({
    access: 'incidents.report',
    input: z.object({ incidentId: z.uuid(), photo: photoUpload }).strict(),
    output: z.object({ id: z.uuid(), sha256: z.string() }),
    maxBytes: PHOTO_UPLOAD_MAX_BYTES,
  }),
  /** One photo's bytes, when this kiosk holds them. */
  'incidents.photo': method({
    access: 'incidents.report',
    input: z.object({ incidentId: z.uuid(), photoId: z.uuid() }).strict(),
    output: z.object({ mime: z.string(), base64: z.string() }),
    touchesSession: false,
  }),
  'incidents.list': method({
    access: 'incidents.report',
    input: z.object({ open: z.boolean().default(true) }).strict(),
    output: z.array(incidentSummary),
    touchesSession: false,
  }),
  'incidents.detail': method({
    access: 'incidents.report',
    input: z.object({ id: z.uuid() }).strict(),
    output: incidentDetail,
    touchesSession: false,
  }),
  'incidents.move': method({
    access: 'incidents.report',
    input: z.object({ id: z.uuid(), to: z.enum(STAGES), reason }).strict(),
    output: okOut,
  }),
  'incidents.pauseSla': method({
    access: 'incidents.triage',
    input: z.object({ id: z.uuid(), paused: z.boolean(), reason }).strict(),
    output: okOut,
  }),
  'incidents.verify': method({
    access: 'incidents.report',
    input: z.object({ id: z.uuid() }).strict(),
    output: recordVerdict,
    touchesSession: false,
  }),
  /**
   * An incident record brought on a file, checked offline against the keys of the organisation's
   * kiosks: the report's PDF (which carries the record inside) or the record's JSON.
   */
  'incidents.checkRecordFile': method({
    access: 'incidents.triage',
    input: z
      .object({
        /** The file's bytes in base64 (a PDF, or JSON text); at most 20 MB. */
        base64: z
          .string()
          .min(1, 'Open a PDF or a record file')
          .max(28_000_000, 'The file is over 20 MB: open the incident report PDF itself'),
      })
      .strict(),
    maxBytes: 28_001_024,
    output: recordVerdict.extend({
      incidentId: z.string(),
      /** What happened, as the report says (the first 200 characters). */
      summary: z.string(),
      occurredAt: z.string().nullable(),
      /** Where the record came from: a PDF's embedded file, or a JSON file. */
      source: z.enum(['pdf', 'json']),
    }),
  }),
  'incidents.setRegulatory': method({
    access: 'incidents.triage',
    input: z.object({ id: z.uuid(), regulatory: regulatoryFields }).strict(),
    output: z.object({ changed: z.array(z.string()) }),
  }),
  'incidents.escalate': method({
    access: 'incidents.triage',
    input: z.object({ id: z.uuid(), note: reason }).strict(),
    output: z.object({ level: z.number().int() }),
  }),
  'incidents.alerts': method({
    access: 'incidents.report',
    input: empty,
    output: z.array(incidentAlert),
    touchesSession: false,
  }),
  'incidents.acknowledge': method({
    access: 'incidents.triage',
    input: z.object({ escalationId: z.uuid(), pin: z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits') }).strict(),
    output: okOut,
  }),
  'incidents.addAction': method({
    access: 'incidents.triage',
    input: z
      .object({
        incidentId: z.uuid(),
        kind: z.enum(['corrective', 'preventive']),
        title: z.string().trim().min(1, 'Say what must be done').max(300),
        ownerId: z.uuid().nullable(),
        dueDate: isoDateField,
      })
      .strict(),
    output: z.object({ id: z.uuid() }),
  }),
  'incidents.setActionStatus': method({
    access: 'incidents.triage',
    input: z.object({ id: z.uuid(), status: z.enum(ACTION_STATUSES) }).strict(),
    output: okOut,
  }),
  'incidents.dashboard': method({
    access: 'incidents.triage',
    input: empty,
    output: dashboardOut,
    touchesSession: false,
  }),
} as const;
