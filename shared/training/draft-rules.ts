/**
 * What a module needs before it is published: every text in both languages, at least one section
 * and one question or practical item, each question with its correct options among its options (exactly one for a
 * single-choice question). Drafts may be incomplete; publishing checks this.
 */
export interface L {
  en: string;
  fr: string;
}

export interface DraftModule {
  title: L;
  description: L;
  sections: { title: L; body: L }[];
  questions: {
    kind: 'single' | 'multiple';
    prompt: L;
    options: { id: string; en: string; fr: string }[];
    correct: string[];
  }[];
  /** Items of a practical part; a module may be practical only (no questions). */
  practicalItems?: { title: L }[];
}

export interface Problem {
  path: string;
  message: string;
}

const missing = (v: L, path: string, what: string, out: Problem[]) => {
  if (!v.en.trim()) out.push({ path: `${path}.en`, message: `${what} needs English text` });
  if (!v.fr.trim()) out.push({ path: `${path}.fr`, message: `${what} needs French text` });
};

export function publishProblems(d: DraftModule): Problem[] {
  const out: Problem[] = [];
  missing(d.title, 'title', 'The title', out);
  missing(d.description, 'description', 'The description', out);
  if (!d.sections.length) out.push({ path: 'sections', message: 'Add at least one section' });
  const items = d.practicalItems ?? [];
  if (!d.questions.length && !items.length)
    out.push({ path: 'questions', message: 'Add at least one question or practical item' });
  items.forEach((p, i) => missing(p.title, `practicalItems.${i}.title`, `Practical item ${i + 1}`, out));
  d.sections.forEach((s, i) => {
    missing(s.title, `sections.${i}.title`, `Section ${i + 1}'s title`, out);
    missing(s.body, `sections.${i}.body`, `Section ${i + 1}'s text`, out);
  });
  d.questions.forEach((q, i) => {
    missing(q.prompt, `questions.${i}.prompt`, `Question ${i + 1}`, out);
    q.options.forEach((o, j) => missing(o, `questions.${i}.options.${j}`, `Question ${i + 1}, option ${j + 1}`, out));
    const ids = new Set(q.options.map((o) => o.id));
    if (!q.correct.length || q.correct.some((c) => !ids.has(c)))
      out.push({
        path: `questions.${i}.correct`,
        message: `Question ${i + 1} needs its correct answer among its options`,
      });
    if (q.kind === 'single' && q.correct.length !== 1)
      out.push({
        path: `questions.${i}.correct`,
        message: `Question ${i + 1} is single-choice: mark exactly one correct answer`,
      });
  });
  return out;
}
