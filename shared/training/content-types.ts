/** The shape of shipped training content (demo-content.ts, demo-practical.ts). */
export interface L {
  en: string;
  fr: string;
}

export interface ContentQuestion {
  kind: 'single' | 'multiple';
  prompt: L;
  options: { id: string; en: string; fr: string }[];
  correct: string[];
  weight: number;
  explanation: L;
  /** The situation of a scenario question; consecutive questions on one situation are a chain. */
  scenario?: L;
}

export interface ContentPracticalItem {
  title: L;
  weight: number;
  critical: boolean;
}

export interface ContentModule {
  code: string;
  version: number;
  title: L;
  description: L;
  objectives: { en: string[]; fr: string[] };
  difficulty: number;
  estimatedMinutes: number;
  prerequisites: string[];
  passThreshold: number;
  maxAttempts: number;
  cooldownMinutes: number;
  validityDays: number;
  sections: { title: L; body: L; image: string | null }[];
  questions: ContentQuestion[];
  /** Catalogue grouping; 'general' when absent. */
  category?: string;
  /** Items an instructor observes and signs off (a practical or mixed assessment). */
  practicalItems?: ContentPracticalItem[];
}

export interface ContentPath {
  code: string;
  kind: 'onboarding' | 'role_specific' | 'compliance' | 'professional_development';
  title: L;
  moduleCodes: string[];
  roleCodes: string[];
}
