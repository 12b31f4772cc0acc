import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ConflictListView } from '../../../renderer/components/conflict-list.js';
import { createI18n } from '../../../renderer/i18n/index.js';
import type { ConflictList } from '../../../renderer/stores/conflicts-store.js';

const list: ConflictList = {
  conflicts: [
    { id: '0193ab12-cd34-7ef0-8123-456789abcdef', kind: 'rejected', code: 'FORBIDDEN', message: 'users.rename needs "users.manage", which this person\'s role at this site does not have.', mutation: 'users.rename', personName: 'Hugo Moreau', createdAt: '2026-11-22T09:00:00.000Z' },
    { id: '0193ab12-cd34-7ef0-8123-456789abcde0', kind: 'overwritten', code: 'OVERWRITTEN', message: 'This change to users replaced values written later.', mutation: 'users.rename', personName: null, createdAt: '2026-11-22T09:01:00.000Z' },
    { id: '0193ab12-cd34-7ef0-8123-456789abcde1', kind: 'rejected', code: 'SOMETHING_NEW', message: 'A reason this kiosk does not know yet.', mutation: 'x.y', personName: null, createdAt: '2026-11-22T09:02:00.000Z' },
  ],
  deadLetters: [{ seq: 7, mutation: 'users.setPin', status: 'rejected', error: 'NOT_FOUND: No users row 42 at this site.', queuedAt: '2026-11-22T08:00:00.000Z' }],
};

const render = (locale: 'en' | 'fr') =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(locale) }, createElement(ConflictListView, { list, canResolve: true, resolving: null, onResolve: () => undefined })));

describe('the conflicts list', () => {
  it('explains each refusal in French by its code, and keeps what the server said as detail', () => {
    const html = render('fr');
    expect(html).toContain('Refusée par la terre : la personne qui l’a faite n’a pas ce droit sur ce site.');
    expect(html).toContain('plus récente du même champ');
    expect(html).toContain('La terre n’a pas pris cette modification telle qu’elle a été faite.');
    expect(html).toContain('Refusée par la terre : ce qu’elle modifie n’y existe plus.');
    expect(html).toContain('Message de la terre : users.rename needs');
    expect(html).toContain('Message de la terre : No users row 42 at this site.');
    expect(html).not.toContain('Shore refused');
  });

  it('explains them in English too', () => {
    const html = render('en');
    expect(html).toContain('Shore refused it: the person who made it does not have the right for this at this site.');
    expect(html).toContain('Shore said: This change to users replaced values written later.');
  });
});
