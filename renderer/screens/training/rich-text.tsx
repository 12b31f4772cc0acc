/** Section text: paragraphs separated by a blank line, "- " lines as a bulleted list. */
export function RichText({ text }: { text: string }) {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <div className="rich-text">
      {blocks.map((b, i) => {
        const lines = b.split('\n');
        if (lines.every((l) => l.startsWith('- '))) {
          return (
            <ul key={i}>
              {lines.map((l, j) => (
                <li key={j}>{l.slice(2)}</li>
              ))}
            </ul>
          );
        }
        return <p key={i}>{b}</p>;
      })}
    </div>
  );
}

export const pick = (l: { en: string; fr: string }, lang: string) =>
  lang.startsWith('fr') ? l.fr || l.en : l.en || l.fr;
export const formatDate = (iso: string, lang: string) =>
  new Date(iso).toLocaleDateString(lang.startsWith('fr') ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
