import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { PHOTO_UPLOAD_MAX_BYTES, photoUpload } from '../attachments/contract.js';
import { draftArgs } from './authoring-mutations.js';
import { certificateContract } from './certificate-contract.js';
import { practicalContract } from './practical-contract.js';
import { reportContract } from './report-contract.js';

/**
 * API methods of the training area, merged into the contract (shared/api/contract.ts). Reads
 * return both languages (`{en, fr}`) and the renderer picks; correct answers never leave the
 * core before an attempt is submitted.
 */
const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const okOut = z.object({ ok: z.literal(true) });
const l10n = z.object({ en: z.string(), fr: z.string() });
const option = z.object({ id: z.string(), en: z.string(), fr: z.string() });
const certStatus = z.enum(['valid', 'expiring', 'expired', 'revoked']);

export const moduleSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.number().int(),
  title: l10n,
  description: l10n,
  difficulty: z.number().int(),
  estimatedMinutes: z.number().int(),
  category: z.string(),
  sectionCount: z.number().int(),
  questionCount: z.number().int(),
  progressPercent: z.number().int(),
  status: z.enum(['not_started', 'in_progress', 'completed']),
  passed: z.boolean(),
  bestScore: z.number().nullable(),
  certificate: z.object({ id: z.uuid(), status: certStatus, expiresAt: z.string().nullable() }).nullable(),
  missingPrerequisites: z.array(z.string()),
  assigned: z.boolean(),
  dueAt: z.string().nullable(),
});

export const pathSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: z.string(),
  title: l10n,
  percent: z.number().int(),
  done: z.number().int(),
  total: z.number().int(),
  status: z.enum(['not_started', 'in_progress', 'completed']),
  next: z.object({ id: z.uuid(), code: z.string(), title: l10n }).nullable(),
  dueAt: z.string().nullable(),
});

export const certificateView = z.object({
  id: z.uuid(),
  number: z.string(),
  verificationCode: z.string(),
  moduleTitle: l10n,
  holder: z.string(),
  score: z.number(),
  issuedAt: z.string(),
  expiresAt: z.string().nullable(),
  status: certStatus,
  token: z.string(),
});

export const verification = z.object({
  valid: z.boolean(),
  trusted: z.boolean(),
  reason: z.string().nullable(),
  status: certStatus.nullable(),
  number: z.string().nullable(),
  holder: z.string().nullable(),
  moduleTitle: l10n.nullable(),
  issuedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** Site name and signatory signed into a v2 certificate; null for v1 or an invalid one. */
  issuer: z.object({ siteName: z.string(), signatoryName: z.string(), signatoryTitle: z.string() }).nullable(),
});

export const sessionView = z.object({
  id: z.uuid(),
  title: z.string(),
  moduleId: z.uuid().nullable(),
  location: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  waitlisted: z.number().int(),
  instructor: z.string(),
  mine: z.enum(['enrolled', 'waitlisted', 'cancelled']).nullable(),
  waitlistPosition: z.number().int().nullable(),
});

const answer = z
  .object({
    questionId: z.uuid(),
    selected: z.array(z.string().max(20)).max(12),
    responseMs: z.number().int().min(0).max(86_400_000),
    /** How sure the learner is, 1-5; left out when they skip it. */
    confidence: z.number().int().min(1).max(5).nullable().optional(),
  })
  .strict();

export const practicalItemView = z.object({
  id: z.uuid(),
  title: l10n,
  weight: z.number().int(),
  critical: z.boolean(),
});

export const trainingContract = {
  ...practicalContract,
  ...reportContract,
  ...certificateContract,
  'training.catalog': method({
    access: 'training.take',
    input: z.object({}).strict(),
    output: z.object({ modules: z.array(moduleSummary), paths: z.array(pathSummary) }),
  }),
  'training.module': method({
    access: 'training.take',
    input: z.object({ moduleId: z.uuid() }).strict(),
    output: moduleSummary.extend({
      objectives: z.object({ en: z.array(z.string()), fr: z.array(z.string()) }),
      passThreshold: z.number().int(),
      sections: z.array(
        z.object({
          id: z.uuid(),
          position: z.number().int(),
          title: l10n,
          body: l10n,
          image: z.string().nullable(),
          completed: z.boolean(),
          bookmarked: z.boolean(),
          secondsSpent: z.number().int(),
        }),
      ),
      resumeSectionId: z.uuid().nullable(),
      attempts: z.object({
        used: z.number().int(),
        max: z.number().int(),
        allowed: z.boolean(),
        reason: z.string().nullable(),
        opensAt: z.string().nullable(),
      }),
    }),
  }),
  'training.recordSection': method({
    access: 'training.take',
    input: z
      .object({
        sectionId: z.uuid(),
        secondsSpent: z
          .number()
          .int()
          .min(0)
          .max(4 * 3600),
        completed: z.boolean(),
        bookmarked: z.boolean().optional(),
      })
      .strict(),
    output: okOut,
  }),
  'training.startAssessment': method({
    access: 'training.take',
    input: z.object({ moduleId: z.uuid() }).strict(),
    output: z.object({
      attemptId: z.uuid(),
      passThreshold: z.number().int(),
      kind: z.enum(['quiz', 'scenario', 'practical', 'mixed']),
      questions: z.array(
        z.object({
          id: z.uuid(),
          kind: z.enum(['single', 'multiple']),
          prompt: l10n,
          options: z.array(option),
          weight: z.number().int(),
          /** The situation, for a step of a scenario chain. */
          scenario: l10n.nullable(),
        }),
      ),
      practicalItems: z.array(practicalItemView),
    }),
  }),
  'training.submitAssessment': method({
    access: 'training.take',
    input: z.object({ attemptId: z.uuid(), answers: z.array(answer).max(200) }).strict(),
    output: z.object({
      score: z.number(),
      passed: z.boolean(),
      /** False while practical items wait for an instructor's sign-off. */
      complete: z.boolean(),
      pendingItems: z.number().int(),
      passThreshold: z.number().int(),
      certificateId: z.uuid().nullable(),
      review: z.array(
        z.object({
          questionId: z.uuid(),
          prompt: l10n,
          options: z.array(option),
          selected: z.array(z.string()),
          correct: z.array(z.string()),
          isCorrect: z.boolean(),
          explanation: l10n,
          weight: z.number().int(),
        }),
      ),
    }),
  }),
  'training.certificates': method({
    access: 'training.take',
    input: z.object({}).strict(),
    output: z.array(certificateView),
  }),
  'training.certificatePdf': method({
    access: 'training.take',
    input: z.object({ certificateId: z.uuid(), locale: z.enum(['en', 'fr']) }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
  'training.verifyCertificate': method({
    access: 'training.take',
    input: z.object({ token: z.string().min(1).max(4000) }).strict(),
    output: verification,
  }),
  'training.feedback': method({
    access: 'training.take',
    input: z
      .object({
        moduleId: z.uuid(),
        content: z.number().int().min(1).max(5),
        instructor: z.number().int().min(1).max(5).nullable(),
        materials: z.number().int().min(1).max(5),
        comment: z.string().trim().max(1000),
      })
      .strict(),
    output: okOut,
  }),

  'training.sessions': method({ access: 'training.take', input: z.object({}).strict(), output: z.array(sessionView) }),
  'training.enroll': method({
    access: 'training.take',
    input: z.object({ sessionId: z.uuid() }).strict(),
    output: z.object({ status: z.enum(['enrolled', 'waitlisted']) }),
  }),
  'training.cancelEnrollment': method({
    access: 'training.take',
    input: z.object({ sessionId: z.uuid(), userId: z.uuid().optional() }).strict(),
    output: okOut,
  }),
  'training.createSession': method({
    access: 'classroom.run',
    input: z
      .object({
        moduleId: z.uuid().nullable(),
        title: z.string().trim().min(1).max(120),
        location: z.string().trim().min(1).max(120),
        startsAt: z.iso.datetime(),
        endsAt: z.iso.datetime(),
        capacity: z.number().int().min(1).max(500),
      })
      .strict(),
    output: z.object({ id: z.uuid() }),
  }),
  'training.roster': method({
    access: 'classroom.run',
    input: z.object({ sessionId: z.uuid() }).strict(),
    output: z.object({
      session: sessionView,
      members: z.array(
        z.object({
          userId: z.uuid(),
          name: z.string(),
          status: z.enum(['enrolled', 'waitlisted', 'cancelled']),
          position: z.number().int().nullable(),
          attended: z.boolean().nullable(),
          practicalScore: z.number().nullable(),
          writtenScore: z.number().nullable(),
          certificateId: z.uuid().nullable(),
        }),
      ),
      conflicts: z.array(
        z.object({
          id: z.uuid(),
          code: z.string(),
          message: z.string(),
          userName: z.string().nullable(),
          createdAt: z.string(),
        }),
      ),
    }),
  }),
  'training.recordAttendance': method({
    access: 'classroom.run',
    input: z
      .object({
        sessionId: z.uuid(),
        userId: z.uuid(),
        attended: z.boolean(),
        practicalScore: z.number().min(0).max(100).nullable(),
        writtenScore: z.number().min(0).max(100).nullable(),
      })
      .strict(),
    output: okOut,
  }),
  'training.issueRosterCertificates': method({
    access: 'classroom.run',
    input: z.object({ sessionId: z.uuid() }).strict(),
    output: z.object({ issued: z.number().int() }),
  }),

  'training.team': method({
    access: 'training.assign',
    input: z.object({}).strict(),
    output: z.object({
      people: z.array(z.object({ id: z.uuid(), name: z.string(), roleCode: z.string() })),
      paths: z.array(z.object({ id: z.uuid(), code: z.string(), title: l10n })),
      modules: z.array(z.object({ id: z.uuid(), code: z.string(), title: l10n })),
    }),
  }),
  'training.assign': method({
    access: 'training.assign',
    input: z
      .object({
        userId: z.uuid(),
        pathId: z.uuid().optional(),
        moduleCode: z.string().max(60).optional(),
        dueAt: z.iso.datetime().nullable(),
      })
      .strict(),
    output: okOut,
  }),
  'training.revokeCertificate': method({
    access: 'training.assign',
    input: z.object({ certificateId: z.uuid(), reason: z.string().trim().min(3).max(500) }).strict(),
    output: okOut,
  }),

  'training.analytics': method({
    access: 'analytics.team',
    // Reloaded on every data.changed: reading it must not keep an idle session awake.
    touchesSession: false,
    input: z.object({}).strict(),
    output: z.object({
      targets: z.object({ completion: z.number(), pass: z.number() }),
      overall: z.object({
        completionRate: z.number(),
        passRate: z.number(),
        averageScore: z.number().nullable(),
        medianScore: z.number().nullable(),
        activeLearners24h: z.number().int(),
        certificatesIssued: z.number().int(),
        expiringWithin30Days: z.number().int(),
        learners: z.number().int(),
      }),
      modules: z.array(
        z.object({
          id: z.uuid(),
          code: z.string(),
          title: l10n,
          completionRate: z.number(),
          passRate: z.number(),
          averageScore: z.number().nullable(),
          medianScore: z.number().nullable(),
          attempts: z.number().int(),
        }),
      ),
      atRisk: z.array(
        z.object({
          userId: z.uuid(),
          name: z.string(),
          reasons: z.array(z.object({ kind: z.enum(['overdue', 'repeated_fails']), detail: z.string(), title: l10n })),
        }),
      ),
      /** Questions answered wrongly with high confidence (4-5), most often first. */
      misconceptions: z.array(
        z.object({
          questionId: z.uuid(),
          prompt: l10n,
          moduleTitle: l10n,
          confidentWrong: z.number().int(),
          rated: z.number().int(),
          averageConfidenceWhenWrong: z.number(),
        }),
      ),
    }),
  }),

  'training.drafts': method({
    access: 'training.author',
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        version: z.number().int(),
        status: z.enum(['draft', 'published', 'retired']),
        title: l10n,
        orgWide: z.boolean(),
      }),
    ),
  }),
  'training.loadDraft': method({
    access: 'training.author',
    input: z.object({ moduleId: z.uuid() }).strict(),
    output: draftArgs.extend({ status: z.enum(['draft', 'published', 'retired']), version: z.number().int() }),
  }),
  /** A picture for a section of the module being written; the section names it by `image`. */
  'training.addImage': method({
    access: 'training.author',
    input: z.object({ moduleId: z.uuid(), photo: photoUpload }).strict(),
    output: z.object({ image: z.string() }),
    maxBytes: PHOTO_UPLOAD_MAX_BYTES,
  }),
  /** A section's picture kept as an attachment (`sha256:<hex>`), when this kiosk holds it. */
  'training.image': method({
    access: 'training.take',
    input: z.object({ image: z.string().max(120) }).strict(),
    output: z.object({ mime: z.string(), base64: z.string() }),
    touchesSession: false,
  }),
  'training.saveDraft': method({
    access: 'training.author',
    input: draftArgs,
    output: z.object({ id: z.uuid(), problems: z.array(z.object({ path: z.string(), message: z.string() })) }),
  }),
  'training.publish': method({
    access: 'training.author',
    input: z.object({ moduleId: z.uuid() }).strict(),
    output: okOut,
  }),
} as const;
