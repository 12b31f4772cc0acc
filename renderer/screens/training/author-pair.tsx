/** One text in both languages, side by side: every authored text is written in EN and FR. */
export function Pair({
  label,
  value,
  onChange,
  area,
  testId,
}: {
  label: string;
  value: { en: string; fr: string };
  onChange(v: { en: string; fr: string }): void;
  area?: boolean;
  testId?: string;
}) {
  const Control = area ? 'textarea' : 'input';
  return (
    <div className="author-pair">
      {(['en', 'fr'] as const).map((l) => (
        <label key={l} className="field">
          <span>
            {label} ({l.toUpperCase()})
          </span>
          <Control
            className="field__control"
            data-testid={testId ? `${testId}-${l}` : undefined}
            value={value[l]}
            onChange={(e) => onChange({ ...value, [l]: e.target.value })}
            {...(area ? { rows: 4 } : {})}
          />
        </label>
      ))}
    </div>
  );
}
